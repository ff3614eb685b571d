// The slice of Express's request and response this app touches (@types/express is not installed).
export interface HttpRequest {
  method: string;
  headers: Record<string, string | string[] | undefined> & { authorization?: string };
}

export interface HttpResponse {
  status(code: number): { json(body: unknown): void };
}
