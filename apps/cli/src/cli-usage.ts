import { TEST_PSEUDONYM_SECRET_TEXT } from './cli.config';

export const CLI_USAGE = `Uso / usage:
  tamiz policy lint ARCHIVO
      Valida una política (YAML o JSON) y muestra cada problema como «ruta — es / en».
      Checks a policy (YAML or JSON) and prints every issue as "path — es / en".
  tamiz policy test ARCHIVO DIRECTORIO_DE_CASOS
      Evalúa cada caso (*.yaml, *.yml, *.json) con la política y compara la decisión esperada.
      Evaluates every fixture (*.yaml, *.yml, *.json) under the policy against its expected decision.
  tamiz users create --role ROL --name NOMBRE [--expires-days N]
      Crea un usuario (dpo, auditor, operator, admin) de policy-admin e imprime su token una vez.
      Creates a policy-admin user and prints its token once (DATABASE_URL / TAMIZ_SQLITE_PATH).
  tamiz simulate [--cameras N] [--rate R] [--count N] [--seed S] [--formats a,b]
                 [--snapshots F] [--malformed F] [--mqtt URL] [--ingest URL] [--kafka yes|no]
      Cámaras simuladas en los formatos de sus fabricantes: DeepStream a Kafka (KAFKA_BROKERS),
      Frigate y ONVIF por MQTT (--mqtt), Hikvision ISAPI por HTTP (--ingest) con imágenes sintéticas.
      Simulated cameras in their vendors' formats over their transports; deterministic by --seed.
  tamiz --help

Códigos de salida / exit codes:
  0  correcto / ok
  1  política inválida, caso fallido o archivo ilegible / invalid policy, failed fixture or unreadable file
  2  uso incorrecto / bad usage

Entorno / environment:
  TAMIZ_PSEUDONYM_SECRET  secreto de seudonimización en hex (64+ dígitos) para policy test;
                          por defecto el secreto público de prueba "${TEST_PSEUDONYM_SECRET_TEXT}" (UTF-8).
                          pseudonym secret in hex (64+ digits) for policy test; default: the public
                          test secret above. The time of each evaluation is the event's occurredAt.
`;
