package io.psa.dsp.input;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

/** Damage a valid input the way a broken client, a proxy or an attacker would. */
final class Mutations {
  private static final String[] REPLACEMENTS = {
    "null", "\"6.01\"", "true", "{}", "[]", "{\"a\":[1,{}]}", "NaN", "-Infinity", "1e400", "-1e-400",
    "9223372036854775808", "1" + "0".repeat(1200), "1e999999999", "10.5", "-0", "\"\"", "0x10", "+1",
    "[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]", "\"\\u0000\"", "\"\\ud800\"",
  };

  private Mutations() {}

  /** One to three random mutations of {@code input}. */
  static byte[] mutate(byte[] input, SplittableRandom random) {
    byte[] out = input;
    int count = random.nextInt(1, 4);
    for (int k = 0; k < count && out.length > 0; k++) {
      out = once(out, random);
    }
    return out;
  }

  private static byte[] once(byte[] in, SplittableRandom random) {
    int at = random.nextInt(in.length);
    return switch (random.nextInt(8)) {
      case 0 -> Arrays.copyOf(in, at); // truncation at any byte
      case 1 -> { // flip one byte to anything, invalid UTF-8 and NUL included
        byte[] out = in.clone();
        out[at] = (byte) random.nextInt(256);
        yield out;
      }
      case 2 -> replaceNumber(in, at, REPLACEMENTS[random.nextInt(REPLACEMENTS.length)]);
      case 3 -> insert(in, after(in, at, (byte) '{'),
          "\"deep\":" + "[".repeat(random.nextInt(1, 3000)) + "],"); // unbalanced on purpose
      case 4 -> { // deep but balanced nesting of an unknown field
        int depth = random.nextInt(1, 150);
        yield insert(in, after(in, at, (byte) '{'), "\"deep\":" + "[".repeat(depth) + "]".repeat(depth) + ",");
      }
      case 5 -> duplicateKey(in, at);
      case 6 -> { // delete a range
        int to = Math.min(in.length, at + random.nextInt(1, 40));
        byte[] out = new byte[in.length - (to - at)];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(in, to, out, at, in.length - to);
        yield out;
      }
      default -> insert(in, at, new String(new char[] {(char) random.nextInt(0x20, 0x7f)}));
    };
  }

  /** Replaces the number token at or after {@code from} with {@code text}. */
  private static byte[] replaceNumber(byte[] in, int from, String text) {
    int start = from;
    while (start < in.length && !isNumberByte(in[start])) {
      start++;
    }
    int end = start;
    while (end < in.length && isNumberByte(in[end])) {
      end++;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + text.length());
    out.write(in, 0, start);
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    out.write(in, end, in.length - end);
    return out.toByteArray();
  }

  /** Repeats the {@code "key": value,} pair starting at the first quote after {@code from}. */
  private static byte[] duplicateKey(byte[] in, int from) {
    int start = after(in, from, (byte) '"') - 1;
    if (start < 0) {
      return in;
    }
    int comma = start;
    while (comma < in.length && in[comma] != ',') {
      comma++;
    }
    if (comma >= in.length) {
      return in;
    }
    return insert(in, start, new String(in, start, comma + 1 - start, StandardCharsets.UTF_8));
  }

  private static boolean isNumberByte(byte b) {
    return (b >= '0' && b <= '9') || b == '-' || b == '.' || b == 'e' || b == 'E' || b == '+';
  }

  /** The index just after the first {@code b} at or after {@code from}, or {@code from}. */
  private static int after(byte[] in, int from, byte b) {
    for (int i = from; i < in.length; i++) {
      if (in[i] == b) {
        return i + 1;
      }
    }
    return from;
  }

  private static byte[] insert(byte[] in, int at, String text) {
    byte[] add = text.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[in.length + add.length];
    System.arraycopy(in, 0, out, 0, at);
    System.arraycopy(add, 0, out, at, add.length);
    System.arraycopy(in, at, out, at + add.length, in.length - at);
    return out;
  }
}
