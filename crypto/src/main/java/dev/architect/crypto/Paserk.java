package dev.architect.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * PASERK version 4: keys for PASETO v4 as strings, their ids, and wrapped forms.
 *
 * <table>
 *   <caption>The forms</caption>
 *   <tr><th>form</th><th>what it holds</th><th>methods</th></tr>
 *   <tr><td>{@code k4.local.}, {@code k4.public.}, {@code k4.secret.}</td><td>a key in plain</td>
 *       <td>{@link #encode}, {@link #decode}</td></tr>
 *   <tr><td>{@code k4.lid.}, {@code k4.pid.}, {@code k4.sid.}</td><td>the id of a local, public or
 *       secret key (BLAKE2b-264 of its PASERK): safe to publish, e.g. as a footer's {@code kid}</td>
 *       <td>{@link #id}</td></tr>
 *   <tr><td>{@code k4.local-wrap.pie.}, {@code k4.secret-wrap.pie.}</td><td>a local or secret key
 *       encrypted under a local (wrapping) key</td><td>{@link #wrap}, {@link #unwrap}</td></tr>
 *   <tr><td>{@code k4.seal.}</td><td>a local key encrypted to an Ed25519 public key (X25519)</td>
 *       <td>{@link #seal}, {@link #unseal}</td></tr>
 *   <tr><td>{@code k4.local-pw.}, {@code k4.secret-pw.}</td><td>a local or secret key encrypted
 *       under a password (Argon2id)</td><td>{@link #wrapWithPassword}, {@link #unwrapWithPassword}</td></tr>
 * </table>
 *
 * <pre>{@code
 * String text = Paserk.encode(key);                               // k4.local.cHFyc3R1...
 * PasetoLocalKey same = Paserk.decode(text, PasetoLocalKey.class);
 * String kid = Paserk.id(key);                                    // k4.lid.iVtYQDjr...
 * }</pre>
 *
 * <p>Parsing is strict: only version {@code k4}, canonical unpadded base64url, exact lengths.
 * Malformed strings throw {@link IllegalArgumentException}s whose messages never repeat the
 * string's data (it may be a secret key); a wrapped key that fails authentication (wrong wrapping
 * key, password or secret key, or altered data) throws {@link AuthenticationException}.
 *
 * <p>Stateless and thread-safe.
 */
public final class Paserk {
  private static final String VERSION = "k4";
  private static final int TAG_BYTES = 32;
  private static final int PIE_NONCE_BYTES = 32;
  private static final int PW_SALT_BYTES = 16;
  private static final int PW_NONCE_BYTES = 24;
  private static final int ID_BYTES = 33;

  private Paserk() {}

  /** The types of PASERK this class reads and writes. */
  private enum Type {
    LOCAL("local"), PUBLIC("public"), SECRET("secret"),
    LID("lid"), PID("pid"), SID("sid"),
    LOCAL_WRAP("local-wrap.pie"), SECRET_WRAP("secret-wrap.pie"),
    SEAL("seal"),
    LOCAL_PW("local-pw"), SECRET_PW("secret-pw");

    final String name;
    final String header;

    Type(String name) {
      this.name = name;
      this.header = VERSION + "." + name + ".";
    }

    byte[] headerBytes() {
      return header.getBytes(StandardCharsets.US_ASCII);
    }
  }

  /**
   * The PASERK of {@code key}: {@code k4.local.}, {@code k4.public.} or {@code k4.secret.} followed by
   * the key's bytes in base64url. The local and secret forms hold the key in plain: keep them secret.
   *
   * @throws IllegalStateException if the key is closed
   */
  public static String encode(PasetoKey key) {
    Objects.requireNonNull(key, "key");
    return switch (key) {
      case PasetoLocalKey local -> encodeSecret(Type.LOCAL, local.toByteArray());
      case PasetoSecretKey secret -> encodeSecret(Type.SECRET, secret.toByteArray());
      case PasetoPublicKey pub -> Type.PUBLIC.header + Base64Url.encode(pub.bytes());
    };
  }

  private static String encodeSecret(Type type, byte[] bytes) {
    try {
      return type.header + Base64Url.encode(bytes);
    } finally {
      Crypto.zero(bytes);
    }
  }

  /**
   * The key a {@code k4.local.}, {@code k4.public.} or {@code k4.secret.} PASERK holds.
   *
   * @throws IllegalArgumentException if {@code paserk} is not one of those forms, is of another
   *     version, is not canonical base64url, has the wrong length, or (secret) its public half does
   *     not belong to its seed
   */
  public static PasetoKey decode(String paserk) {
    Type type = typeOf(paserk);
    return switch (type) {
      case LOCAL -> {
        byte[] bytes = data(paserk, type, PasetoLocalKey.BYTES);
        try {
          yield PasetoLocalKey.copyOf(bytes);
        } finally {
          Crypto.zero(bytes);
        }
      }
      case PUBLIC -> PasetoPublicKey.of(data(paserk, type, PasetoPublicKey.BYTES));
      case SECRET -> {
        byte[] bytes = data(paserk, type, PasetoSecretKey.BYTES);
        try {
          yield PasetoSecretKey.copyOf(bytes);
        } finally {
          Crypto.zero(bytes);
        }
      }
      case LID, PID, SID -> throw new IllegalArgumentException("paserk " + type.header
          + " is a key id, not a key (an id cannot be turned back into its key)");
      case LOCAL_WRAP, SECRET_WRAP -> throw new IllegalArgumentException("paserk " + type.header
          + " is a wrapped key: unwrap it with its wrapping key (Paserk.unwrap)");
      case SEAL -> throw new IllegalArgumentException("paserk " + type.header
          + " is a sealed key: unseal it with the recipient's secret key (Paserk.unseal)");
      case LOCAL_PW, SECRET_PW -> throw new IllegalArgumentException("paserk " + type.header
          + " is a password-wrapped key: unwrap it with its password (Paserk.unwrapWithPassword)");
    };
  }

  /**
   * The key {@code paserk} holds, which must be of {@code type}.
   *
   * @throws IllegalArgumentException as {@link #decode(String)} does, or if the key is of another
   *     type (a {@code k4.public.} key where a {@code PasetoLocalKey} was asked for, say)
   */
  public static <K extends PasetoKey> K decode(String paserk, Class<K> type) {
    Objects.requireNonNull(type, "type");
    PasetoKey key = decode(paserk);
    if (!type.isInstance(key)) {
      String found = typeOf(paserk).header;
      if (key instanceof AutoCloseable) {
        close(key);
      }
      throw new IllegalArgumentException("paserk is a " + found + " key, expected a " + headerOf(type) + " key");
    }
    return type.cast(key);
  }

  private static String headerOf(Class<? extends PasetoKey> type) {
    if (type == PasetoLocalKey.class) {
      return Type.LOCAL.header;
    }
    if (type == PasetoSecretKey.class) {
      return Type.SECRET.header;
    }
    return type == PasetoPublicKey.class ? Type.PUBLIC.header : type.getSimpleName();
  }

  /**
   * The id of {@code key}: {@code k4.lid.}, {@code k4.pid.} or {@code k4.sid.} followed by the
   * BLAKE2b-264 hash of that header and the key's PASERK. It reveals nothing about the key.
   *
   * @throws IllegalStateException if the key is closed
   */
  public static String id(PasetoKey key) {
    Type type = switch (Objects.requireNonNull(key, "key")) {
      case PasetoLocalKey local -> Type.LID;
      case PasetoPublicKey pub -> Type.PID;
      case PasetoSecretKey secret -> Type.SID;
    };
    byte[] paserk = encode(key).getBytes(StandardCharsets.US_ASCII);
    try {
      byte[] hash = GenericHash.hasher(ID_BYTES).update(type.headerBytes()).update(paserk).finish();
      return type.header + Base64Url.encode(hash);
    } finally {
      Crypto.zero(paserk);
    }
  }

  /**
   * {@code key} (local or secret) encrypted under {@code wrappingKey}: {@code k4.local-wrap.pie.} or
   * {@code k4.secret-wrap.pie.} (XChaCha20 and BLAKE2b-MAC, with a fresh random nonce).
   *
   * @throws IllegalArgumentException if {@code key} is a public key (it needs no wrapping)
   * @throws IllegalStateException if a key is closed
   */
  public static String wrap(PasetoKey key, PasetoLocalKey wrappingKey) {
    return wrap(key, wrappingKey, Crypto.randomBytes(PIE_NONCE_BYTES));
  }

  static String wrap(PasetoKey key, PasetoLocalKey wrappingKey, byte[] nonce) {
    Objects.requireNonNull(wrappingKey, "wrappingKey");
    Type type = switch (Objects.requireNonNull(key, "key")) {
      case PasetoLocalKey local -> Type.LOCAL_WRAP;
      case PasetoSecretKey secret -> Type.SECRET_WRAP;
      case PasetoPublicKey pub -> throw new IllegalArgumentException(
          "a public key is not secret: encode it with Paserk.encode instead of wrapping it");
    };
    byte[] plain = key instanceof PasetoLocalKey local ? local.toByteArray() : ((PasetoSecretKey) key).toByteArray();
    byte[] keys = pieKeys(wrappingKey, nonce);
    byte[] authKey = pieAuthKey(wrappingKey, nonce);
    try {
      byte[] wrapped = Stream.xchacha20Xor(plain, Arrays.copyOfRange(keys, 32, 56), Arrays.copyOf(keys, 32));
      byte[] tag = GenericHash.hasher(TAG_BYTES, authKey).update(type.headerBytes()).update(nonce).update(wrapped)
          .finish();
      return type.header + Base64Url.encode(concat(tag, nonce, wrapped));
    } finally {
      Crypto.zero(plain);
      Crypto.zero(keys);
      Crypto.zero(authKey);
    }
  }

  /**
   * The key inside a {@code k4.local-wrap.pie.} or {@code k4.secret-wrap.pie.} PASERK.
   *
   * @throws IllegalArgumentException if {@code paserk} is not one of those forms, of version 4, with
   *     the right length in canonical base64url
   * @throws AuthenticationException if it fails authentication: another wrapping key, or altered
   * @throws IllegalStateException if the wrapping key is closed
   */
  public static PasetoKey unwrap(String paserk, PasetoLocalKey wrappingKey) {
    Objects.requireNonNull(wrappingKey, "wrappingKey");
    Type type = typeOf(paserk);
    int keyBytes = switch (type) {
      case LOCAL_WRAP -> PasetoLocalKey.BYTES;
      case SECRET_WRAP -> PasetoSecretKey.BYTES;
      default -> throw new IllegalArgumentException("paserk " + type.header + " is not a wrapped key (expected "
          + Type.LOCAL_WRAP.header + " or " + Type.SECRET_WRAP.header + ")");
    };
    byte[] data = data(paserk, type, TAG_BYTES + PIE_NONCE_BYTES + keyBytes);
    byte[] tag = Arrays.copyOf(data, TAG_BYTES);
    byte[] nonce = Arrays.copyOfRange(data, TAG_BYTES, TAG_BYTES + PIE_NONCE_BYTES);
    byte[] wrapped = Arrays.copyOfRange(data, TAG_BYTES + PIE_NONCE_BYTES, data.length);
    byte[] authKey = pieAuthKey(wrappingKey, nonce);
    try {
      byte[] expected = GenericHash.hasher(TAG_BYTES, authKey).update(type.headerBytes()).update(nonce)
          .update(wrapped).finish();
      if (!Crypto.constantTimeEquals(expected, tag)) {
        throw new AuthenticationException("paserk " + type.header
            + " failed authentication (another wrapping key, or the data was altered)");
      }
    } finally {
      Crypto.zero(authKey);
    }
    byte[] keys = pieKeys(wrappingKey, nonce);
    byte[] plain = Stream.xchacha20Xor(wrapped, Arrays.copyOfRange(keys, 32, 56), Arrays.copyOf(keys, 32));
    try {
      return type == Type.LOCAL_WRAP ? PasetoLocalKey.copyOf(plain) : PasetoSecretKey.copyOf(plain);
    } finally {
      Crypto.zero(keys);
      Crypto.zero(plain);
    }
  }

  private static byte[] pieKeys(PasetoLocalKey wrappingKey, byte[] nonce) {
    return GenericHash.hasher(56, wrappingKey.secretKey()).update(new byte[] {(byte) 0x80}).update(nonce).finish();
  }

  private static byte[] pieAuthKey(PasetoLocalKey wrappingKey, byte[] nonce) {
    return GenericHash.hasher(32, wrappingKey.secretKey()).update(new byte[] {(byte) 0x81}).update(nonce).finish();
  }

  /**
   * {@code key} encrypted to the holder of the secret key of {@code recipient}: {@code k4.seal.}
   * (an ephemeral X25519 key agreement with the recipient's key converted to X25519, BLAKE2b,
   * XChaCha20).
   *
   * @throws IllegalArgumentException if {@code recipient} is not a usable Ed25519 public key
   * @throws IllegalStateException if {@code key} is closed
   */
  public static String seal(PasetoLocalKey key, PasetoPublicKey recipient) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(recipient, "recipient");
    return PaserkSeal.seal(key, recipient);
  }

  /**
   * The local key inside a {@code k4.seal.} PASERK sealed to {@code recipient}'s public key.
   *
   * @throws IllegalArgumentException if {@code paserk} is not a version 4 seal of the right length
   *     in canonical base64url
   * @throws AuthenticationException if it fails authentication: sealed to another key, or altered
   * @throws IllegalStateException if {@code recipient} is closed
   */
  public static PasetoLocalKey unseal(String paserk, PasetoSecretKey recipient) {
    Objects.requireNonNull(recipient, "recipient");
    Type type = typeOf(paserk);
    if (type != Type.SEAL) {
      throw new IllegalArgumentException("paserk " + type.header + " is not a sealed key (expected "
          + Type.SEAL.header + ")");
    }
    return PaserkSeal.unseal(data(paserk, type, PaserkSeal.BYTES), recipient);
  }

  static String sealHeader() {
    return Type.SEAL.header;
  }

  /**
   * {@code key} (local or secret) encrypted under {@code password}: {@code k4.local-pw.} or
   * {@code k4.secret-pw.} (Argon2id with {@code limits} and a random salt, then XChaCha20 and
   * BLAKE2b-MAC). The limits are stored in the PASERK; {@link PwHash#MODERATE} or more is a good
   * choice for keys at rest.
   *
   * @throws IllegalArgumentException if {@code key} is a public key
   * @throws IllegalStateException if {@code key} is closed
   */
  public static String wrapWithPassword(PasetoKey key, byte[] password, PwHash.Limits limits) {
    return wrapWithPassword(key, password, limits, Crypto.randomBytes(PW_SALT_BYTES),
        Crypto.randomBytes(PW_NONCE_BYTES));
  }

  static String wrapWithPassword(PasetoKey key, byte[] password, PwHash.Limits limits, byte[] salt, byte[] nonce) {
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(limits, "limits");
    Type type = switch (Objects.requireNonNull(key, "key")) {
      case PasetoLocalKey local -> Type.LOCAL_PW;
      case PasetoSecretKey secret -> Type.SECRET_PW;
      case PasetoPublicKey pub -> throw new IllegalArgumentException(
          "a public key is not secret: encode it with Paserk.encode instead of wrapping it");
    };
    byte[] plain = key instanceof PasetoLocalKey local ? local.toByteArray() : ((PasetoSecretKey) key).toByteArray();
    byte[] preKey = PwHash.hash(32, password, salt, limits);
    byte[] encryptionKey = hashPrefixed((byte) 0xff, preKey);
    byte[] authKey = hashPrefixed((byte) 0xfe, preKey);
    try {
      byte[] wrapped = Stream.xchacha20Xor(plain, nonce, encryptionKey);
      byte[] parameters = ByteBuffer.allocate(16).putLong(limits.memLimit()).putInt((int) limits.opsLimit())
          .putInt(1).array();
      byte[] tag = GenericHash.hasher(TAG_BYTES, authKey).update(type.headerBytes()).update(salt)
          .update(parameters).update(nonce).update(wrapped).finish();
      return type.header + Base64Url.encode(concat(concat(salt, parameters, nonce), wrapped, tag));
    } finally {
      Crypto.zero(plain);
      Crypto.zero(preKey);
      Crypto.zero(encryptionKey);
      Crypto.zero(authKey);
    }
  }

  /**
   * The key inside a {@code k4.local-pw.} or {@code k4.secret-pw.} PASERK, accepting Argon2id costs
   * up to {@link PwHash#SENSITIVE} (the costs come from the string, so a cap keeps a hostile one from
   * asking for terabytes).
   *
   * @throws IllegalArgumentException if {@code paserk} is not one of those forms, of version 4, with
   *     the right length in canonical base64url, or its costs exceed the cap or are invalid
   * @throws AuthenticationException if it fails authentication: another password, or altered
   */
  public static PasetoKey unwrapWithPassword(String paserk, byte[] password) {
    return unwrapWithPassword(paserk, password, PwHash.SENSITIVE);
  }

  /**
   * {@link #unwrapWithPassword(String, byte[])} accepting Argon2id costs up to {@code maximum} (both
   * its opslimit and its memlimit).
   */
  public static PasetoKey unwrapWithPassword(String paserk, byte[] password, PwHash.Limits maximum) {
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(maximum, "maximum");
    Type type = typeOf(paserk);
    int keyBytes = switch (type) {
      case LOCAL_PW -> PasetoLocalKey.BYTES;
      case SECRET_PW -> PasetoSecretKey.BYTES;
      default -> throw new IllegalArgumentException("paserk " + type.header
          + " is not a password-wrapped key (expected " + Type.LOCAL_PW.header + " or " + Type.SECRET_PW.header + ")");
    };
    byte[] data = data(paserk, type, PW_SALT_BYTES + 16 + PW_NONCE_BYTES + keyBytes + TAG_BYTES);
    ByteBuffer buffer = ByteBuffer.wrap(data);
    byte[] salt = new byte[PW_SALT_BYTES];
    buffer.get(salt);
    byte[] parameters = Arrays.copyOfRange(data, PW_SALT_BYTES, PW_SALT_BYTES + 16);
    long memLimit = buffer.getLong();
    long opsLimit = Integer.toUnsignedLong(buffer.getInt());
    long parallelism = Integer.toUnsignedLong(buffer.getInt());
    byte[] nonce = new byte[PW_NONCE_BYTES];
    buffer.get(nonce);
    byte[] wrapped = new byte[keyBytes];
    buffer.get(wrapped);
    byte[] tag = new byte[TAG_BYTES];
    buffer.get(tag);
    if (parallelism != 1) {
      throw new IllegalArgumentException("paserk " + type.header + " asks for argon2id parallelism " + parallelism
          + "; only 1 is supported (as in libsodium)");
    }
    if (memLimit < 0 || memLimit > maximum.memLimit() || opsLimit > maximum.opsLimit()) {
      throw new IllegalArgumentException("paserk " + type.header + " asks for argon2id memlimit "
          + Long.toUnsignedString(memLimit) + " bytes and opslimit " + opsLimit + ", above the maximum accepted ("
          + maximum.memLimit() + " bytes, " + maximum.opsLimit() + ")");
    }
    PwHash.Limits limits = new PwHash.Limits(opsLimit, memLimit);
    byte[] preKey = PwHash.hash(32, password, salt, limits);
    byte[] authKey = null;
    byte[] encryptionKey = null;
    byte[] plain = null;
    try {
      authKey = hashPrefixed((byte) 0xfe, preKey);
      byte[] expected = GenericHash.hasher(TAG_BYTES, authKey).update(type.headerBytes()).update(salt)
          .update(parameters).update(nonce).update(wrapped).finish();
      if (!Crypto.constantTimeEquals(expected, tag)) {
        throw new AuthenticationException("paserk " + type.header
            + " failed authentication (another password, or the data was altered)");
      }
      encryptionKey = hashPrefixed((byte) 0xff, preKey);
      plain = Stream.xchacha20Xor(wrapped, nonce, encryptionKey);
      return type == Type.LOCAL_PW ? PasetoLocalKey.copyOf(plain) : PasetoSecretKey.copyOf(plain);
    } finally {
      Crypto.zero(preKey);
      Crypto.zero(authKey);
      Crypto.zero(encryptionKey);
      Crypto.zero(plain);
    }
  }

  /** The type of {@code paserk}, from its header. */
  private static Type typeOf(String paserk) {
    Objects.requireNonNull(paserk, "paserk");
    int dot = paserk.indexOf('.');
    if (dot < 0 || !paserk.startsWith("k")) {
      throw new IllegalArgumentException("not a paserk (expected k4.<type>.<data>, like k4.local.…)");
    }
    String version = paserk.substring(0, dot);
    if (!version.equals(VERSION)) {
      throw new IllegalArgumentException("paserk version " + shorten(version) + " is not supported (only k4)");
    }
    Type best = null;
    for (Type type : Type.values()) {
      if (paserk.startsWith(type.header) && (best == null || type.header.length() > best.header.length())) {
        best = type;
      }
    }
    if (best == null) {
      int end = paserk.indexOf('.', dot + 1);
      String name = end < 0 ? paserk.substring(dot + 1) : paserk.substring(dot + 1, end);
      throw new IllegalArgumentException("paserk type " + shorten(name) + " is unknown (k4 types: local, public,"
          + " secret, lid, pid, sid, local-wrap.pie, secret-wrap.pie, seal, local-pw, secret-pw)");
    }
    return best;
  }

  /** The data of {@code paserk} (after the header of {@code type}), which must be {@code length} bytes. */
  private static byte[] data(String paserk, Type type, int length) {
    String text = paserk.substring(type.header.length());
    byte[] data;
    try {
      data = Base64Url.decode(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("paserk " + type.header + " data is not canonical base64url: "
          + e.getMessage(), e);
    }
    if (data.length != length) {
      Crypto.zero(data);
      throw new IllegalArgumentException("paserk " + type.header + " data must be " + length + " bytes, was "
          + data.length);
    }
    return data;
  }

  private static String shorten(String text) {
    String shown = text.length() > 16 ? text.substring(0, 16) + "…" : text;
    return "'" + shown.replaceAll("[^\\x21-\\x7e…]", "?") + "'";
  }

  /** Unkeyed BLAKE2b-256 of {@code prefix || key}, streamed so that no copy of the key is left behind. */
  private static byte[] hashPrefixed(byte prefix, byte[] key) {
    return GenericHash.hasher(32).update(new byte[] {prefix}).update(key).finish();
  }

  static byte[] concat(byte[] a, byte[] b, byte[] c) {
    byte[] out = new byte[a.length + b.length + c.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    System.arraycopy(c, 0, out, a.length + b.length, c.length);
    return out;
  }

  private static void close(PasetoKey key) {
    if (key instanceof PasetoLocalKey local) {
      local.close();
    } else if (key instanceof PasetoSecretKey secret) {
      secret.close();
    }
  }
}
