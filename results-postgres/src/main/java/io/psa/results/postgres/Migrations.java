package io.psa.results.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The SQL migrations on the class path, under {@value #LOCATION} (Flyway's {@code
 * classpath:db/migration/psa}): every {@code V*.sql} of every class-path entry, from directories
 * and from jars alike (a shaded Lambda jar too), in version order.
 */
public final class Migrations {

  /** Where the scripts live on the class path. */
  public static final String LOCATION = "db/migration/psa";

  private Migrations() {}

  /** Every migration the class loader sees, lowest version first. */
  public static List<Migration> load(ClassLoader loader) {
    TreeMap<String, String> scripts = new TreeMap<>();
    try {
      Enumeration<URL> roots = loader.getResources(LOCATION);
      while (roots.hasMoreElements()) {
        URL root = roots.nextElement();
        for (String name : names(root)) {
          if (name.startsWith("V") && name.endsWith(".sql")) {
            try (InputStream in = loader.getResourceAsStream(LOCATION + "/" + name)) {
              scripts.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the migrations under " + LOCATION, e);
    }
    List<Migration> all = new ArrayList<>();
    scripts.forEach((name, sql) -> all.add(Migration.of(name, sql)));
    all.sort((a, b) -> a.compareVersion(b.version()));
    for (int i = 1; i < all.size(); i++) {
      if (all.get(i).compareVersion(all.get(i - 1).version()) == 0) {
        throw new IllegalStateException("two migrations of version " + all.get(i).version() + ": "
            + all.get(i - 1).script() + " and " + all.get(i).script());
      }
    }
    return all;
  }

  private static List<String> names(URL root) throws IOException {
    switch (root.getProtocol()) {
      case "file" -> {
        try (Stream<Path> files = Files.list(Path.of(root.toURI()))) {
          return files.map(p -> p.getFileName().toString()).toList();
        } catch (URISyntaxException e) {
          throw new IOException("bad class-path URL " + root, e);
        }
      }
      case "jar" -> {
        JarURLConnection c = (JarURLConnection) root.openConnection();
        c.setUseCaches(false);
        List<String> names = new ArrayList<>();
        try (JarFile jar = c.getJarFile()) {
          String prefix = LOCATION + "/";
          for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
            String n = e.nextElement().getName();
            if (n.startsWith(prefix) && n.indexOf('/', prefix.length()) < 0 && n.length() > prefix.length()) {
              names.add(n.substring(prefix.length()));
            }
          }
        }
        return names;
      }
      default -> throw new IOException("cannot list migrations in " + root);
    }
  }
}
