-- Webhook secrets are kept sealed (AES-256-GCM, see SecretSealer) when the server has a key: the sealed
-- form of a secret of up to 512 characters (2,048 UTF-8 bytes) is a prefix and about 2,800 base64
-- characters. Existing secrets are sealed by the server when it starts with a key, not here: SQL has no key.
ALTER TABLE webhook_subscriptions ALTER COLUMN secret SET DATA TYPE VARCHAR(4096);
