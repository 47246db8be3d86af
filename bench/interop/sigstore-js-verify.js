// Verifies a Sigstore bundle made with a local key, offline, with sigstore-js (@sigstore/verify): an
// independent implementation of the bundle format. Usage: node sigstore-js-verify.js BUNDLE ARTIFACT PUBKEY
// A message-signature bundle signs ARTIFACT itself. A DSSE bundle signs an in-toto statement: sigstore-js
// checks the envelope's signature, and this script then requires ARTIFACT's SHA-256 among the subjects
// (sigstore-js leaves the statement's meaning to its caller, as cosign's verify-blob-attestation does).
const path = require('path');
const tools = path.join(__dirname, '..', '.tools', 'node_modules');
const V = require(path.join(tools, '@sigstore/verify'));
const { bundleFromJSON } = require(path.join(tools, '@sigstore/bundle'));
const { TrustedRoot } = require(path.join(tools, '@sigstore/protobuf-specs'));
const crypto = require('crypto');
const fs = require('fs');

const [bundlePath, artifactPath, publicKeyPath] = process.argv.slice(2);
const json = JSON.parse(fs.readFileSync(bundlePath, 'utf8'));
const bundle = bundleFromJSON(json);
const artifact = fs.readFileSync(artifactPath);
const publicKey = crypto.createPublicKey(fs.readFileSync(publicKeyPath, 'utf8'));
// No transparency log, CA or timestamp authority: a key-signed bundle made offline has none of them.
const root = TrustedRoot.fromJSON({
  mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
  tlogs: [], certificateAuthorities: [], ctlogs: [], timestampAuthorities: [],
});
const trust = V.toTrustMaterial(root, () => ({ publicKey, validFor: () => true }));
const verifier = new V.Verifier(trust, { tlogThreshold: 0, ctlogThreshold: 0, tsaThreshold: 0 });
try {
  verifier.verify(V.toSignedEntity(bundle, artifact));
  if (json.dsseEnvelope) {
    if (json.dsseEnvelope.payloadType !== 'application/vnd.in-toto+json') {
      throw new Error('payloadType ' + json.dsseEnvelope.payloadType + ' is not in-toto');
    }
    const statement = JSON.parse(Buffer.from(json.dsseEnvelope.payload, 'base64').toString('utf8'));
    const sha256 = crypto.createHash('sha256').update(artifact).digest('hex');
    if (!(statement.subject || []).some((s) => s.digest && s.digest.sha256 === sha256)) {
      throw new Error('the artifact (sha256:' + sha256 + ') is not a subject of the statement');
    }
    console.log('sigstore-js: verified (DSSE, ' + statement.predicateType + ')');
  } else {
    console.log('sigstore-js: verified');
  }
} catch (error) {
  console.log('sigstore-js: rejected: ' + error.message);
  process.exit(1);
}
