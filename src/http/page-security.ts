import { createHash } from 'node:crypto';
import type { ServerResponse, IncomingMessage } from 'node:http';
import helmet from 'helmet';

/** A CSP source for one inline <style> element, by the hash of its text: no 'unsafe-inline'. */
const styleSource = (css: string) => `'sha256-${createHash('sha256').update(css).digest('base64')}'`;

/**
 * The security headers of an HTML page the server renders (the IDE, /explore), made by helmet:
 * a Content-Security-Policy that runs only the server's own bundled scripts (no inline script, no
 * eval) and applies only its own styles and the page's inline ones by hash; connections,
 * fonts and images from the server alone (the bundle's fonts and icons are data: URLs); no
 * framing by any site (frame-ancestors 'none' and X-Frame-Options: DENY, against clickjacking);
 * plus helmet's nosniff, referrer and cross-origin headers. HSTS is left to whatever terminates
 * TLS in front: the server speaks plain HTTP, and a loopback or LAN address must keep working.
 * Only these pages get them: helmet runs where they are sent, not as a hook on every request.
 */
export function pageHeaders(inlineStyles: readonly string[]): (req: IncomingMessage, res: ServerResponse) => void {
  const apply = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", ...inlineStyles.map(styleSource)],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    xFrameOptions: { action: 'deny' },
    strictTransportSecurity: false,
  });
  return (req, res) =>
    apply(req, res, (error?: unknown) => {
      // helmet calls back at once; it fails only on a bad configuration, found at the first page.
      if (error) throw error instanceof Error ? error : new Error('helmet: could not set the page headers');
    });
}
