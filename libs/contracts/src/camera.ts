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
  /**
   * Free labels a policy's camera selector can match (`centro`, `colegio`, `turistico`). Optional:
   * the registry does not store them yet, and an absent list matches no tag selector.
   */
  tags?: string[];
}
