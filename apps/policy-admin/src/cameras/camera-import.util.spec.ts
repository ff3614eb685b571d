import { checkCameraCsv, checkCameraRows } from './camera-import.util';

const HEADER = 'cameraId,name,district,siteId,zoneType,allowedPurposes,tags,geoLat,geoLon';

describe(checkCameraCsv.name, () => {
  it('should turn rows into cameras with lists and geo', () => {
    const result = checkCameraCsv(
      `${HEADER}\ncam-1,Uno,miraflores,s1,parque,a;b,centro,-12.1,-77.0\n`,
    );

    expect(result.issues).toEqual([]);
    expect(result.cameras).toEqual([
      {
        cameraId: 'cam-1',
        name: 'Uno',
        district: 'miraflores',
        siteId: 's1',
        zoneType: 'parque',
        allowedPurposes: ['a', 'b'],
        tags: ['centro'],
        geo: { lat: -12.1, lon: -77 },
        signageId: null,
        dataBankRegistrationId: null,
        vendorFormat: null,
        vendorDeviceId: null,
        vendorChannel: null,
      },
    ]);
  });

  it('should read the vendor device and channel, and refuse a device without a format the ingress reads', () => {
    const header =
      'cameraId,name,district,siteId,zoneType,allowedPurposes,vendorFormat,vendorDeviceId,vendorChannel';
    const result = checkCameraCsv(
      [
        header,
        'cam-1,Uno,d,s,z,p,hikvision-isapi,44:19:b6:0a:1c:01,2',
        'cam-2,Dos,d,s,z,p,dahua,dh-01,',
        'cam-3,Tres,d,s,z,p,onvif,,vs1',
        'cam-4,Cuatro,d,s,z,p,onvif,axis mac,',
      ].join('\n'),
    );

    expect(result.cameras).toEqual([
      expect.objectContaining({
        cameraId: 'cam-1',
        vendorFormat: 'hikvision-isapi',
        vendorDeviceId: '44:19:b6:0a:1c:01',
        vendorChannel: '2',
      }),
    ]);
    expect(result.issues.map((i) => [i.row, i.path, i.code])).toEqual([
      [2, '/vendorFormat', 'vendor_format_unread'],
      [3, '/vendorDeviceId', 'required'],
      [4, '/vendorDeviceId', 'invalid_value'],
    ]);
  });

  it('should report unknown columns on row 0 and import nothing', () => {
    const result = checkCameraCsv('cameraId,colour\ncam-1,red\n');

    expect(result.cameras).toEqual([]);
    expect(result.issues).toEqual([
      expect.objectContaining({ row: 0, path: '/colour', code: 'unknown_field' }),
    ]);
  });

  it('should report each bad field with its row, and a repeated id', () => {
    const result = checkCameraCsv(
      [HEADER, 'cam-1,,d,s,z,p,,91,0', 'cam-2,Dos,d,s,z,p,,,', 'cam-2,Otra,d,s,z,p,,,'].join('\n'),
    );

    expect(result.issues.map((i) => [i.row, i.path, i.code])).toEqual([
      [1, '/name', 'required'],
      [1, '/geo/lat', 'invalid_value'],
      [3, '/cameraId', 'duplicate_id'],
    ]);
  });
});

describe(checkCameraRows.name, () => {
  it('should name unknown fields in a JSON row', () => {
    const result = checkCameraRows([
      {
        cameraId: 'c',
        name: 'n',
        district: 'd',
        siteId: 's',
        zoneType: 'z',
        allowedPurposes: [],
        owner: 'x',
      },
    ]);

    expect(result.issues).toEqual([
      expect.objectContaining({ row: 1, path: '/owner', code: 'unknown_field' }),
    ]);
  });
});
