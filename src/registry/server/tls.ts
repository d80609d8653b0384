import { readFileSync } from 'node:fs';
import type { ServerOptions } from 'node:https';
import { createSecureContext, type TLSSocket } from 'node:tls';
import { SchemagateError } from '../../errors.js';

/** Whether the server asks for a client certificate, and whether it refuses a client without one. */
export type ClientAuth = 'none' | 'optional' | 'required';
export const CLIENT_AUTH_VALUES: readonly ClientAuth[] = ['none', 'optional', 'required'];

export interface TlsFiles {
  /** PEM certificate chain the server presents. */
  certFile: string;
  /** PEM private key of that certificate (unencrypted). */
  keyFile: string;
  /** PEM CA certificates that client certificates must chain to; needed for client auth. */
  caFile?: string;
  /** Default `none` (Confluent's `ssl.client.authentication=NONE`). */
  clientAuth?: ClientAuth;
}

function readPem(file: string, what: string): Buffer {
  try {
    return readFileSync(file);
  } catch (e) {
    throw new SchemagateError(
      'FILE_UNREADABLE',
      `cannot read the TLS ${what} ${file}: ${(e as Error).message}`,
      {
        file,
      },
    );
  }
}

/**
 * The https options for `TlsFiles`. The files are read and checked now, so that a wrong path, a key that
 * does not belong to the certificate or a file that is not PEM stops the start with one message naming
 * the file, instead of failing every handshake later.
 */
export function loadTls(files: TlsFiles): ServerOptions {
  const clientAuth = files.clientAuth ?? 'none';
  if (clientAuth !== 'none' && files.caFile === undefined) {
    throw new SchemagateError(
      'INVALID_ARGUMENT',
      `client authentication '${clientAuth}' needs the CA that signs client certificates (--tls-ca FILE)`,
    );
  }
  const cert = readPem(files.certFile, 'certificate');
  const key = readPem(files.keyFile, 'private key');
  const ca = files.caFile === undefined ? undefined : readPem(files.caFile, 'CA file');
  const blame = (file: string, e: unknown): SchemagateError =>
    new SchemagateError('INVALID_CONFIG', `${file}: ${describeTlsError(e)}`, { file });
  try {
    createSecureContext({ key });
  } catch (e) {
    throw blame(files.keyFile, e);
  }
  try {
    createSecureContext({ cert });
  } catch (e) {
    throw blame(files.certFile, e);
  }
  try {
    createSecureContext({ cert, key });
  } catch (e) {
    throw new SchemagateError(
      'INVALID_CONFIG',
      `${files.keyFile} is not the private key of the certificate in ${files.certFile}: ${describeTlsError(e)}`,
      { file: files.keyFile },
    );
  }
  if (ca !== undefined && files.caFile !== undefined) {
    try {
      createSecureContext({ ca });
    } catch (e) {
      throw blame(files.caFile, e);
    }
  }
  return {
    cert,
    key,
    ...(ca === undefined ? {} : { ca }),
    // Optional: the certificate is asked for, and checked in `refuseBadClientCertificate` when given.
    requestCert: clientAuth !== 'none',
    rejectUnauthorized: clientAuth === 'required',
  };
}

function describeTlsError(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  if (/no start line|bad base64|PEM/i.test(text)) return 'not a PEM file (expected -----BEGIN …----- blocks)';
  if (/key values mismatch/i.test(text)) return 'the key does not match the certificate';
  return text;
}

/**
 * In `optional` mode a client without a certificate is let in, but one that presents a certificate
 * the CA did not sign is not (as Jetty's `wantClientAuth` does): node would accept it, so it is cut here.
 */
export function refuseBadClientCertificate(socket: TLSSocket): void {
  if (socket.authorized) return;
  const peer = socket.getPeerCertificate();
  if (peer !== null && Object.keys(peer).length > 0) socket.destroy();
}
