package dev.architect.vfs.internal;

import java.nio.file.PathMatcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Path matchers for the {@code glob:} and {@code regex:} syntaxes, matched against the path's string. */
final class Globs {
  private Globs() {}

  static PathMatcher matcher(String syntaxAndPattern) {
    int colon = syntaxAndPattern.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("syntaxAndPattern must be syntax:pattern, was '" + syntaxAndPattern + "'");
    }
    String syntax = syntaxAndPattern.substring(0, colon);
    String pattern = syntaxAndPattern.substring(colon + 1);
    Pattern regex;
    if (syntax.equalsIgnoreCase("glob")) {
      regex = Pattern.compile(toRegex(pattern));
    } else if (syntax.equalsIgnoreCase("regex")) {
      regex = Pattern.compile(pattern);
    } else {
      throw new UnsupportedOperationException("Syntax '" + syntax + "' not recognized");
    }
    return path -> regex.matcher(path.toString()).matches();
  }

  /** Translates a POSIX-style glob: {@code * ** ? [..] [!..] {a,b}} and backslash escapes. */
  static String toRegex(String glob) {
    StringBuilder sb = new StringBuilder("^");
    boolean inGroup = false;
    int i = 0;
    while (i < glob.length()) {
      char c = glob.charAt(i++);
      switch (c) {
        case '\\' -> {
          if (i == glob.length()) {
            throw new PatternSyntaxException("No character to escape", glob, i - 1);
          }
          quote(sb, glob.charAt(i++));
        }
        case '/' -> sb.append('/');
        case '*' -> {
          if (i < glob.length() && glob.charAt(i) == '*') {
            sb.append(".*");
            i++;
          } else {
            sb.append("[^/]*");
          }
        }
        case '?' -> sb.append("[^/]");
        case '[' -> {
          sb.append("[[^/]&&[");
          if (i < glob.length() && glob.charAt(i) == '^') {
            sb.append("\\^");
            i++;
          } else if (i < glob.length() && glob.charAt(i) == '!') {
            sb.append('^');
            i++;
          }
          boolean closed = false;
          boolean first = true;
          while (i < glob.length()) {
            char d = glob.charAt(i++);
            if (d == ']' && !first) {
              closed = true;
              break;
            }
            first = false;
            if (d == '/') {
              throw new PatternSyntaxException("Explicit 'name separator' in class", glob, i - 1);
            }
            if (d == '\\' || d == '[' || d == '&' || (d == '^' && sb.charAt(sb.length() - 1) == '[')) {
              sb.append('\\');
            }
            sb.append(d);
          }
          if (!closed) {
            throw new PatternSyntaxException("Missing ']'", glob, i - 1);
          }
          sb.append("]]");
        }
        case '{' -> {
          if (inGroup) {
            throw new PatternSyntaxException("Cannot nest groups", glob, i - 1);
          }
          sb.append("(?:(?:");
          inGroup = true;
        }
        case '}' -> {
          if (inGroup) {
            sb.append("))");
            inGroup = false;
          } else {
            sb.append('}');
          }
        }
        case ',' -> sb.append(inGroup ? ")|(?:" : ",");
        default -> quote(sb, c);
      }
    }
    if (inGroup) {
      throw new PatternSyntaxException("Missing '}'", glob, i - 1);
    }
    return sb.append('$').toString();
  }

  private static void quote(StringBuilder sb, char c) {
    if ("\\^$.|?*+()[]{}".indexOf(c) >= 0) {
      sb.append('\\');
    }
    sb.append(c);
  }
}
