import { isProhibitedKey } from './prohibited-keys';

describe('isProhibitedKey', () => {
  it.each([
    'ethnicity',
    'Ethnicity',
    'skinTone',
    'skin_tone',
    'SKIN-TONE',
    'religion',
    'politicalOpinion',
    'sexual_orientation',
    'emotion',
    'faceExpression',
    'embedding',
    'signature',
    'riskScore',
  ])('should prohibit %p', (key) => expect(isProhibitedKey(key)).toBe(true));

  it.each(['gender', 'age', 'ageBand', 'clothing', 'color', 'plate', 'mask', 'skin', 'tone'])(
    'should not prohibit %p',
    (key) => expect(isProhibitedKey(key)).toBe(false),
  );
});
