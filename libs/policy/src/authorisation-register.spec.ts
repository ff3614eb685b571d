import { generateKeyPairSync } from 'node:crypto';
import {
  AUTHORISATION_REGISTER_TYPE,
  validateAuthorisationRegister,
  type UnsignedAuthorisationRegisterV1,
} from '@lib/contracts';
import {
  RegisterRejection,
  signAuthorisationRegister,
  verifyAuthorisationRegister,
} from './authorisation-register';

describe('registers of authorisations', () => {
  const keys = generateKeyPairSync('ed25519');
  const other = generateKeyPairSync('ed25519');
  const keyring = { k1: keys.publicKey };
  const signer = { keyId: 'k1', privateKey: keys.privateKey };
  const unsigned: UnsignedAuthorisationRegisterV1 = {
    schema: AUTHORISATION_REGISTER_TYPE,
    sequence: 3,
    authorisations: [
      {
        id: '0b6f3c1e-8d7a-4f7e-9a51-2d4c6e8f0a11',
        purposes: ['identificacion-facial-autorizada'],
        scope: { watchlists: ['requisitoria'], cameras: ['cam-si-001'] },
        validFrom: '2026-03-10T05:00:00.000Z',
        validUntil: '2026-03-20T05:00:00.000Z',
      },
      {
        id: '7c1d2e3f-0000-4000-8000-000000000002',
        purposes: ['busqueda-dirigida'],
        scope: { cameras: ['cam-mf-002'] },
        validFrom: '2026-03-01T05:00:00.000Z',
        validUntil: '2026-03-02T05:00:00.000Z',
      },
    ],
  };

  it('should verify what it signs, whatever the key order of the JSON it travelled as', () => {
    const register = signAuthorisationRegister(unsigned, signer);
    const reordered: unknown = JSON.parse(
      JSON.stringify({ signature: register.signature, ...unsigned }),
    );

    expect(validateAuthorisationRegister(register)).toEqual([]);
    expect(verifyAuthorisationRegister(reordered, keyring)).toEqual({
      ok: true,
      register: reordered,
    });
  });

  it('should sign the same register to the same bytes (deterministic republication)', () => {
    expect(JSON.stringify(signAuthorisationRegister(unsigned, signer))).toBe(
      JSON.stringify(
        signAuthorisationRegister(
          JSON.parse(JSON.stringify(unsigned)) as UnsignedAuthorisationRegisterV1,
          signer,
        ),
      ),
    );
  });

  it('should accept an empty register (every authorisation revoked)', () => {
    const empty = signAuthorisationRegister({ ...unsigned, authorisations: [] }, signer);
    expect(verifyAuthorisationRegister(empty, keyring).ok).toBe(true);
  });

  const signed = () => signAuthorisationRegister(unsigned, signer);
  const [first, second] = unsigned.authorisations;

  it.each([
    [
      'an authorisation added',
      { authorisations: [...unsigned.authorisations, { ...first, id: 'x' }] },
      RegisterRejection.BadSignature,
    ],
    ['an authorisation removed', { authorisations: [second] }, RegisterRejection.BadSignature],
    [
      'a validity stretched',
      { authorisations: [{ ...first, validUntil: '2027-03-20T05:00:00.000Z' }, second] },
      RegisterRejection.BadSignature,
    ],
    ['a raised sequence', { sequence: 4 }, RegisterRejection.BadSignature],
    [
      'an unknown key id',
      { signature: { alg: 'Ed25519', keyId: 'zz', value: 'AA==' } },
      RegisterRejection.UnknownKey,
    ],
    ['no signature', { signature: undefined }, RegisterRejection.Malformed],
    ['a wrong schema', { schema: 'tamiz.policy-bundle.v1' }, RegisterRejection.Malformed],
    [
      'a case reference carried',
      { authorisations: [{ ...first, caseRef: 'EXP-1' }] },
      RegisterRejection.Malformed,
    ],
    ['an empty scope', { authorisations: [{ ...first, scope: {} }] }, RegisterRejection.Malformed],
    [
      'an id twice',
      { authorisations: [first, { ...second, id: first.id }] },
      RegisterRejection.Malformed,
    ],
    [
      'an end before the start',
      { authorisations: [{ ...first, validUntil: first.validFrom }] },
      RegisterRejection.Malformed,
    ],
    [
      'a date without zone',
      { authorisations: [{ ...first, validFrom: '2026-03-10T05:00:00' }] },
      RegisterRejection.Malformed,
    ],
  ])('should refuse %s', (_name, change, code) => {
    expect(verifyAuthorisationRegister({ ...signed(), ...change }, keyring)).toMatchObject({
      ok: false,
      code,
    });
  });

  it('should refuse a register signed by a key other than the one named', () => {
    const forged = signAuthorisationRegister(unsigned, {
      keyId: 'k1',
      privateKey: other.privateKey,
    });
    expect(verifyAuthorisationRegister(forged, keyring)).toMatchObject({
      ok: false,
      code: RegisterRejection.BadSignature,
    });
  });

  it.each([null, 'text', [], 42])('should refuse %p without throwing', (raw) => {
    expect(verifyAuthorisationRegister(raw, keyring)).toMatchObject({
      ok: false,
      code: RegisterRejection.Malformed,
    });
  });
});
