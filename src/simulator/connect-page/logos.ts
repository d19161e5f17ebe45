/**
 * Stand-in provider logos: the provider's brand colour with its initials. Real logos are
 * trademarks and would need network access; these keep the picker recognisable offline.
 */
import type { ProviderProfile } from '../data/providers';

function initials(name: string): string {
  const words = name
    .replace(/[^A-Za-z0-9 ]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 1) return (words[0] ?? '?').slice(0, 2);
  if (words[0] && /^[A-Z]{2,4}$/.test(words[0])) return words[0];
  return words
    .slice(0, 2)
    .map((w) => w[0] ?? '')
    .join('');
}

const escapeXml = (text: string): string => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function providerLogoSvg(provider: ProviderProfile): string {
  const label = escapeXml(initials(provider.displayName));
  const size = label.length > 2 ? 17 : 22;
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64" role="img"',
    ` aria-label="${escapeXml(provider.displayName)}">`,
    `<rect width="64" height="64" rx="14" fill="${escapeXml(provider.primaryColor)}"/>`,
    `<text x="32" y="33" text-anchor="middle" dominant-baseline="middle" font-family="Helvetica, Arial, sans-serif"`,
    ` font-weight="700" font-size="${size}" fill="#fff">${label}</text>`,
    '</svg>',
  ].join('');
}
