/** Codes node gives when the registry's certificate does not chain to a trusted CA. */
const UNTRUSTED = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
]);

/**
 * What to do about a TLS failure, said after its code: a code such as UNABLE_TO_VERIFY_LEAF_SIGNATURE
 * alone does not tell a user that the fix is to name the registry's CA.
 */
export function tlsHint(code: string | undefined): string {
  if (code === undefined) return '';
  if (UNTRUSTED.has(code))
    return " (the registry's TLS certificate is not signed by a trusted CA: name its CA file in NODE_EXTRA_CA_CERTS)";
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID')
    return " (the registry's TLS certificate is not for this host name)";
  if (code === 'CERT_HAS_EXPIRED') return " (the registry's TLS certificate has expired)";
  if (/CERTIFICATE_REQUIRED|HANDSHAKE_FAILURE/.test(code))
    return ' (the registry refused the TLS handshake; it may require a client certificate, which this client does not send)';
  return '';
}
