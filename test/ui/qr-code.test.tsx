import { render, screen } from '@testing-library/preact';
import { encode } from 'uqr';
import { expect, it } from 'vitest';
import { QrCode } from '../../src/ui/components/QrCode.tsx';

it('draws one square per dark module of the encoded link, with its text alternative', () => {
  const value = 'https://doorstep.example/enrol?code=ABCD-EFGH-JKMN';
  render(<QrCode value={value} label="QR code for ABCD-EFGH-JKMN" />);
  const image = screen.getByRole('img', { name: 'QR code for ABCD-EFGH-JKMN' });
  const dark = encode(value, { border: 2 }).data.flat().filter(Boolean).length;
  // One white background plus the dark modules.
  expect(image.querySelectorAll('rect')).toHaveLength(dark + 1);
});
