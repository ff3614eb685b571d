/** A registered camera, as the governor sees it. Events from unregistered cameras are suppressed. */
export interface CameraRecord {
  cameraId: string;
  name: string;
  district: string;
  siteId: string;
  /** e.g. via-publica, parque, colegio-perimetro, mercado */
  zoneType: string;
  /** Purpose ids this camera may serve; an empty list serves none. */
  allowedPurposes: string[];
}
