package dev.architect.crypto;

/**
 * A PASETO v4 key. Each purpose has its own type, so that a key can never be used for the wrong
 * kind of token (PASETO's "algorithm lucidity"):
 * <ul>
 *   <li>{@link PasetoLocalKey}: 32 random bytes that encrypt and decrypt {@code v4.local} tokens;
 *   <li>{@link PasetoSecretKey}: an Ed25519 secret key that signs {@code v4.public} tokens;
 *   <li>{@link PasetoPublicKey}: the Ed25519 public key that verifies them.
 * </ul>
 * {@link Paserk} turns keys into strings ({@code k4.local.…}) and back.
 */
public sealed interface PasetoKey permits PasetoLocalKey, PasetoSecretKey, PasetoPublicKey {}
