// Verifies a Sigstore bundle made with a local key, offline, with sigstore-js (@sigstore/verify): an
// independent implementation of the bundle format. Usage: node sigstore-js-verify.js BUNDLE ARTIFACT PUBKEY
const path = require('path');
const tools = path.join(__dirname, '..', '.tools', 'node_modules');
const V = require(path.join(tools, '@sigstore/verify'));
const { bundleFromJSON } = require(path.join(tools, '@sigstore/bundle'));
const { TrustedRoot } = require(path.join(tools, '@sigstore/protobuf-specs'));
const crypto = require('crypto');
const fs = require('fs');

const [bundlePath, artifactPath, publicKeyPath] = process.argv.slice(2);
const bundle = bundleFromJSON(JSON.parse(fs.readFileSync(bundlePath, 'utf8')));
const publicKey = crypto.createPublicKey(fs.readFileSync(publicKeyPath, 'utf8'));
// No transparency log, CA or timestamp authority: a key-signed bundle made offline has none of them.
const root = TrustedRoot.fromJSON({
  mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
  tlogs: [], certificateAuthorities: [], ctlogs: [], timestampAuthorities: [],
});
const trust = V.toTrustMaterial(root, () => ({ publicKey, validFor: () => true }));
const verifier = new V.Verifier(trust, { tlogThreshold: 0, ctlogThreshold: 0, tsaThreshold: 0 });
try {
  verifier.verify(V.toSignedEntity(bundle, fs.readFileSync(artifactPath)));
  console.log('sigstore-js: verified');
} catch (error) {
  console.log('sigstore-js: rejected: ' + error.message);
  process.exit(1);
}
