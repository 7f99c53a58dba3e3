package io.psa.lambda.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The RDS Data API's wire protocol (REST-JSON: {@code POST /Execute}, {@code /BatchExecute},
 * {@code /BeginTransaction}, {@code /CommitTransaction}, {@code /RollbackTransaction}) over a real
 * PostgreSQL through JDBC, so that the real SDK client ({@code RdsDataClient} with an endpoint
 * override) can be tested here. Like Aurora: named {@code :param} placeholders, type hints, one
 * connection per transaction id, sessions in UTC, SQL errors as HTTP 400 {@code BadRequestException}
 * with the database's message. Only loopback; for tests.
 */
public final class DataApiShim implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  // a quoted string or identifier (skipped), or a :name that is not a :: cast
  private static final Pattern PARAM =
      Pattern.compile("'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|(?<!:):([A-Za-z_][A-Za-z0-9_]*)");

  private final HttpServer server;
  private final String jdbcUrl;
  private final Map<String, Connection> transactions = new ConcurrentHashMap<>();
  /** Calls by operation, for assertions. */
  public final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  /** The SQL text of every statement received, for assertions. */
  public final List<String> statements = new CopyOnWriteArrayList<>();

  public DataApiShim(String jdbcUrl) throws IOException {
    this.jdbcUrl = jdbcUrl;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void handle(HttpExchange ex) throws IOException {
    String op = ex.getRequestURI().getPath().substring(1);
    calls.computeIfAbsent(op, k -> new AtomicInteger()).incrementAndGet();
    try {
      JsonNode req = JSON.readTree(ex.getRequestBody());
      if (!req.path("resourceArn").asText("").startsWith("arn:aws:rds:")
          || !req.path("secretArn").asText("").startsWith("arn:aws:secretsmanager:")) {
        throw new IllegalArgumentException("resourceArn and secretArn are required");
      }
      ObjectNode out = switch (op) {
        case "Execute" -> execute(req);
        case "BatchExecute" -> batch(req);
        case "BeginTransaction" -> begin();
        case "CommitTransaction" -> end(req, true);
        case "RollbackTransaction" -> end(req, false);
        default -> throw new IllegalArgumentException("unknown operation " + op);
      };
      reply(ex, 200, null, out);
    } catch (SQLException | IllegalArgumentException e) {
      reply(ex, 400, "BadRequestException", JSON.createObjectNode().put("message", e.getMessage()));
    }
  }

  private ObjectNode begin() throws SQLException {
    Connection c = open();
    c.setAutoCommit(false);
    String id = UUID.randomUUID().toString();
    transactions.put(id, c);
    return JSON.createObjectNode().put("transactionId", id);
  }

  private ObjectNode end(JsonNode req, boolean commit) throws SQLException {
    Connection c = transactions.remove(req.path("transactionId").asText());
    if (c == null) {
      throw new IllegalArgumentException("Transaction " + req.path("transactionId").asText() + " is not found");
    }
    try (c) {
      if (commit) {
        c.commit();
      } else {
        c.rollback();
      }
    }
    return JSON.createObjectNode().put("transactionStatus", commit ? "Transaction Committed" : "Rollback Complete");
  }

  private ObjectNode execute(JsonNode req) throws SQLException {
    statements.add(req.path("sql").asText());
    return withConnection(req, c -> {
      List<String> names = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(jdbcSql(req.path("sql").asText(), names))) {
        bind(ps, names, req.path("parameters"));
        ObjectNode out = JSON.createObjectNode();
        if (ps.execute()) {
          ArrayNode records = out.putArray("records");
          try (ResultSet rs = ps.getResultSet()) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
              ArrayNode row = records.addArray();
              for (int i = 1; i <= n; i++) {
                row.add(field(rs.getObject(i)));
              }
            }
          }
          out.put("numberOfRecordsUpdated", 0);
        } else {
          out.put("numberOfRecordsUpdated", Math.max(0, ps.getUpdateCount()));
        }
        return out;
      }
    });
  }

  private ObjectNode batch(JsonNode req) throws SQLException {
    statements.add(req.path("sql").asText());
    return withConnection(req, c -> {
      List<String> names = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(jdbcSql(req.path("sql").asText(), names))) {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode results = out.putArray("updateResults");
        for (JsonNode set : req.path("parameterSets")) {
          bind(ps, names, set);
          ps.addBatch();
          results.addObject().putArray("generatedFields");
        }
        ps.executeBatch();
        return out;
      }
    });
  }

  private interface Work {
    ObjectNode run(Connection c) throws SQLException;
  }

  /** In the named transaction, or in one of its own (autocommit) as the Data API does. */
  private ObjectNode withConnection(JsonNode req, Work work) throws SQLException {
    String tx = req.path("transactionId").asText(null);
    if (tx != null) {
      Connection c = transactions.get(tx);
      if (c == null) {
        throw new IllegalArgumentException("Transaction " + tx + " is not found");
      }
      return work.run(c);
    }
    try (Connection c = open()) {
      c.setAutoCommit(false);
      try {
        ObjectNode out = work.run(c);
        c.commit();
        return out;
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    }
  }

  private Connection open() throws SQLException {
    Connection c = DriverManager.getConnection(jdbcUrl);
    try (Statement s = c.createStatement()) {
      s.execute("SET TIME ZONE 'UTC'"); // Aurora's default
    }
    return c;
  }

  /** {@code :name} placeholders to {@code ?}, recording the names in order. */
  static String jdbcSql(String sql, List<String> names) {
    Matcher m = PARAM.matcher(sql);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      if (m.group(1) == null) {
        m.appendReplacement(b, Matcher.quoteReplacement(m.group()));
      } else {
        names.add(m.group(1));
        m.appendReplacement(b, "?");
      }
    }
    m.appendTail(b);
    return b.toString();
  }

  private static void bind(PreparedStatement ps, List<String> names, JsonNode params) throws SQLException {
    for (int i = 0; i < names.size(); i++) {
      JsonNode p = null;
      for (JsonNode candidate : params) {
        if (candidate.path("name").asText().equals(names.get(i))) {
          p = candidate;
        }
      }
      if (p == null) {
        throw new IllegalArgumentException("No value specified for parameter: " + names.get(i));
      }
      JsonNode v = p.path("value");
      int k = i + 1;
      if (v.path("isNull").asBoolean(false)) {
        ps.setObject(k, null);
      } else if (v.has("stringValue")) {
        String s = v.path("stringValue").asText();
        if ("TIMESTAMP".equals(p.path("typeHint").asText(null))) {
          ps.setTimestamp(k, Timestamp.valueOf(LocalDateTime.parse(s,
              DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS]"))));
        } else {
          ps.setString(k, s);
        }
      } else if (v.has("longValue")) {
        ps.setLong(k, v.path("longValue").asLong());
      } else if (v.has("doubleValue")) {
        ps.setDouble(k, v.path("doubleValue").asDouble());
      } else if (v.has("booleanValue")) {
        ps.setBoolean(k, v.path("booleanValue").asBoolean());
      } else {
        throw new IllegalArgumentException("unsupported parameter value " + v);
      }
    }
  }

  private static ObjectNode field(Object v) {
    ObjectNode f = JSON.createObjectNode();
    return switch (v) {
      case null -> f.put("isNull", true);
      case Boolean b -> f.put("booleanValue", b);
      case Integer n -> f.put("longValue", n.longValue());
      case Long n -> f.put("longValue", n);
      case Short n -> f.put("longValue", n.longValue());
      case Double d -> f.put("doubleValue", d);
      case Float d -> f.put("doubleValue", d.doubleValue());
      default -> f.put("stringValue", String.valueOf(v));
    };
  }

  private static void reply(HttpExchange ex, int status, String errorType, ObjectNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    if (errorType != null) {
      ex.getResponseHeaders().set("x-amzn-ErrorType", errorType);
    }
    HttpReplies.send(ex, status, bytes);
  }

  @Override
  public void close() {
    server.stop(0);
    transactions.values().forEach(c -> {
      try {
        c.close();
      } catch (SQLException ignored) {
        // closing anyway
      }
    });
  }
}
