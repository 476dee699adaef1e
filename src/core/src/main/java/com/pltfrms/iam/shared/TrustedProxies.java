package com.pltfrms.iam.shared;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reverse proxies whose forwarding headers ({@code Forwarded}, RFC 7239, and the de-facto
 * {@code X-Forwarded-*}) this server believes: {@code IAM_TRUSTED_PROXIES}, a comma-separated list
 * of IPv4 and IPv6 addresses and CIDR blocks ({@code 10.0.0.0/8, 192.0.2.7, fd00::/8}). Empty (the
 * default) trusts nobody, so a caller's own headers never change the origin or client address.
 *
 * <p>Only address literals are accepted, never host names: a name would need a DNS lookup per
 * request and would make trust depend on whoever controls the resolver. IPv4-mapped IPv6 addresses
 * ({@code ::ffff:192.0.2.7}) are the IPv4 address they map.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7239#section-8.1">RFC 7239 §8.1</a>
 */
public final class TrustedProxies {

  /** The setting's name. */
  public static final String SETTING = "IAM_TRUSTED_PROXIES";

  /** Trusts nobody. */
  public static final TrustedProxies NONE = new TrustedProxies(List.of());

  private static final Pattern IPV4 =
      Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

  private final List<Block> blocks;

  private TrustedProxies(List<Block> blocks) {
    this.blocks = List.copyOf(blocks);
  }

  /** One CIDR block: a network address and how many leading bits must match. */
  private record Block(byte[] network, int prefix) {
    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int whole = prefix / 8;
      for (int i = 0; i < whole; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xFF << (8 - rest)) & 0xFF;
      return (address[whole] & mask) == (network[whole] & mask);
    }
  }

  /** The configured proxies; fails with {@link #parse}'s message when the setting is malformed. */
  public static TrustedProxies fromSettings() {
    return Settings.get(SETTING).map(TrustedProxies::parse).orElse(NONE);
  }

  /**
   * Parses a comma-separated list of addresses and CIDR blocks. Blank entries are skipped.
   *
   * @throws IllegalArgumentException naming the entry that is not an IP address or CIDR block (a
   *     host bit set below the prefix, such as {@code 10.0.0.1/8}, is refused as a likely typo)
   */
  public static TrustedProxies parse(String list) {
    List<Block> blocks = new ArrayList<>();
    for (String raw : list.split(",", -1)) {
      String entry = raw.strip();
      if (entry.isEmpty()) {
        continue;
      }
      blocks.add(block(entry));
    }
    return new TrustedProxies(blocks);
  }

  private static Block block(String entry) {
    int slash = entry.indexOf('/');
    String literal = slash < 0 ? entry : entry.substring(0, slash);
    byte[] network =
        address(literal)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        SETTING
                            + " must list IP addresses or CIDR blocks separated by commas (e.g."
                            + " 10.0.0.0/8, fd00::/8); not an address: "
                            + "'"
                            + entry
                            + "'"));
    int bits = network.length * 8;
    int prefix = bits;
    if (slash >= 0) {
      String length = entry.substring(slash + 1);
      if (!length.matches("\\d{1,3}") || Integer.parseInt(length) > bits) {
        throw new IllegalArgumentException(
            SETTING + ": the prefix length must be 0 to " + bits + " in " + "'" + entry + "'");
      }
      prefix = Integer.parseInt(length);
    }
    if (!hostBitsClear(network, prefix)) {
      throw new IllegalArgumentException(
          SETTING
              + ": '"
              + entry
              + "' has bits set below its prefix length; write the network address");
    }
    return new Block(network, prefix);
  }

  private static boolean hostBitsClear(byte[] network, int prefix) {
    for (int bit = prefix; bit < network.length * 8; bit++) {
      if ((network[bit / 8] & (0x80 >>> (bit % 8))) != 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * The bytes of an IPv4 or IPv6 address literal (IPv6 with or without brackets, no zone), or empty
   * for anything else. Never resolves a name.
   */
  public static Optional<byte[]> address(String literal) {
    if (literal == null || literal.isEmpty() || literal.length() > 47) {
      return Optional.empty();
    }
    Matcher v4 = IPV4.matcher(literal);
    if (v4.matches()) {
      byte[] bytes = new byte[4];
      for (int i = 0; i < 4; i++) {
        int octet = Integer.parseInt(v4.group(i + 1));
        if (octet > 255) {
          return Optional.empty();
        }
        bytes[i] = (byte) octet;
      }
      return Optional.of(bytes);
    }
    String v6 =
        literal.startsWith("[") && literal.endsWith("]")
            ? literal.substring(1, literal.length() - 1)
            : literal;
    if (!v6.contains(":") || !IPV6.matcher(v6).matches()) {
      return Optional.empty();
    }
    try {
      // Only hex digits, colons and dots, with a colon: InetAddress parses it as an IPv6 literal
      // and never turns to DNS. An IPv4-mapped address comes back as its IPv4 address.
      return Optional.of(InetAddress.getByName(v6).getAddress());
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  /** True when nobody is trusted. */
  public boolean isEmpty() {
    return blocks.isEmpty();
  }

  /** True when {@code address} is an IP address literal inside one of the trusted blocks. */
  public boolean trusts(String address) {
    Optional<byte[]> bytes = address(address);
    return bytes.isPresent() && blocks.stream().anyMatch(b -> b.contains(bytes.get()));
  }

  /**
   * Where a request really came from, walking the forwarding chain from the right (RFC 7239 §5.2,
   * and the same order for {@code X-Forwarded-For}): each trusted hop vouches for the address to
   * its left, so the walk stops at the first address not trusted, which is the client.
   *
   * @param element the index in {@code forwardedFor} of the entry that names the client, so that
   *     the entry the outermost trusted proxy wrote can be read (its {@code proto} and {@code host}
   *     describe the request as the client sent it); -1 when the direct peer is not trusted and no
   *     forwarding information counts
   * @param client the client's address; the direct peer when {@code element} is -1, else the
   *     entry's value (or, when that is not an address, such as {@code unknown} or an obfuscated
   *     identifier, the trusted proxy's own address that reported it)
   */
  public record Walk(int element, String client) {}

  /**
   * Walks {@code forwardedFor} (left to right as the headers list them, node identifiers without
   * port) from the direct peer {@code peer}.
   */
  public Walk walk(String peer, List<String> forwardedFor) {
    if (!trusts(peer) || forwardedFor.isEmpty()) {
      return new Walk(-1, peer);
    }
    String reporter = peer;
    for (int i = forwardedFor.size() - 1; i >= 0; i--) {
      String hop = forwardedFor.get(i);
      if (address(hop).isEmpty()) {
        return new Walk(i, reporter);
      }
      if (i == 0 || !trusts(hop)) {
        return new Walk(i, hop);
      }
      reporter = hop;
    }
    throw new AssertionError("unreachable");
  }

  @Override
  public String toString() {
    return "TrustedProxies[" + blocks.size() + " blocks]";
  }
}
