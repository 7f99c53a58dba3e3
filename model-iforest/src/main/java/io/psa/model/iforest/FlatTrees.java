package io.psa.model.iforest;

import java.lang.reflect.Field;
import java.util.Arrays;
import smile.anomaly.IsolationTree;

/**
 * Smile's isolation trees copied into flat arrays for scoring: per tree, the nodes in pre-order
 * with their children's indices, split bias, leaf depth, and all cut vectors in one contiguous
 * array. Walking them avoids Smile's recursive, pointer-chasing {@code Node.path} (the serving
 * hot spot: about half of a request's CPU) while computing the same dot products in the same
 * order, so path lengths are bit-identical to {@code IsolationTree.path}.
 *
 * <p>Smile keeps its nodes package-private, so they are read by reflection once, at load or
 * training time. Should a Smile release rename them, {@link #of} fails and the detector falls
 * back to Smile's own walk.
 */
final class FlatTrees {
  private static final int LEAF = -1;

  private final int dim;
  private final int[][] left;
  private final int[][] right;
  private final double[][] bias;
  private final double[][] depth;
  private final double[][] slopes; // node n's cut vector at [n * dim, (n + 1) * dim)

  private FlatTrees(int dim, int trees) {
    this.dim = dim;
    this.left = new int[trees][];
    this.right = new int[trees][];
    this.bias = new double[trees][];
    this.depth = new double[trees][];
    this.slopes = new double[trees][];
  }

  /** The flat copy of {@code trees} over {@code dim} features. */
  static FlatTrees of(IsolationTree[] trees, int dim) throws ReflectiveOperationException {
    FlatTrees flat = new FlatTrees(dim, trees.length);
    Field root = IsolationTree.class.getDeclaredField("root");
    root.setAccessible(true);
    NodeReader reader = null;
    for (int t = 0; t < trees.length; t++) {
      if (reader == null) {
        reader = new NodeReader(root.get(trees[t]).getClass());
      }
      Builder b = new Builder(dim);
      b.add(reader, root.get(trees[t]));
      flat.left[t] = Arrays.copyOf(b.left, b.size);
      flat.right[t] = Arrays.copyOf(b.right, b.size);
      flat.bias[t] = Arrays.copyOf(b.bias, b.size);
      flat.depth[t] = Arrays.copyOf(b.depth, b.size);
      flat.slopes[t] = Arrays.copyOf(b.slopes, b.size * dim);
    }
    return flat;
  }

  int trees() {
    return left.length;
  }

  /** Tree {@code t}'s path length for {@code x}, as {@code IsolationTree.path(x)}. */
  double path(int t, double[] x) {
    int[] l = left[t];
    int[] r = right[t];
    double[] b = bias[t];
    double[] s = slopes[t];
    int n = 0;
    while (l[n] != LEAF) {
      int o = n * dim;
      double dot = 0.0;
      for (int j = 0; j < dim; j++) {
        dot += x[j] * s[o + j]; // Smile's MathEx.dot(x, slope): same terms, same order
      }
      n = dot < b[n] ? l[n] : r[n];
    }
    return depth[t][n];
  }

  /**
   * Adds tree {@code t}'s path length of every row to {@code sum}. Rows walk the tree four at a
   * time: each row's dot product is still summed in Smile's order (so every path is bit-identical
   * to {@link #path}), but four independent sums keep the CPU's adders busy where one row's serial
   * chain of additions would leave them waiting; a row that reached its leaf just idles.
   */
  void addPaths(int t, double[][] rows, double[] sum) {
    int[] l = left[t];
    int[] r = right[t];
    double[] b = bias[t];
    double[] s = slopes[t];
    double[] d = depth[t];
    int i = 0;
    for (; i + 4 <= rows.length; i += 4) {
      double[] x0 = rows[i];
      double[] x1 = rows[i + 1];
      double[] x2 = rows[i + 2];
      double[] x3 = rows[i + 3];
      int n0 = 0;
      int n1 = 0;
      int n2 = 0;
      int n3 = 0;
      while (l[n0] != LEAF || l[n1] != LEAF || l[n2] != LEAF || l[n3] != LEAF) {
        int o0 = n0 * dim;
        int o1 = n1 * dim;
        int o2 = n2 * dim;
        int o3 = n3 * dim;
        double dot0 = 0.0;
        double dot1 = 0.0;
        double dot2 = 0.0;
        double dot3 = 0.0;
        for (int j = 0; j < dim; j++) {
          dot0 += x0[j] * s[o0 + j];
          dot1 += x1[j] * s[o1 + j];
          dot2 += x2[j] * s[o2 + j];
          dot3 += x3[j] * s[o3 + j];
        }
        n0 = next(l, r, b, n0, dot0);
        n1 = next(l, r, b, n1, dot1);
        n2 = next(l, r, b, n2, dot2);
        n3 = next(l, r, b, n3, dot3);
      }
      sum[i] += d[n0];
      sum[i + 1] += d[n1];
      sum[i + 2] += d[n2];
      sum[i + 3] += d[n3];
    }
    for (; i < rows.length; i++) {
      sum[i] += path(t, rows[i]);
    }
  }

  /** The largest node count of any tree: the size of {@link #addVariantPaths}' scratch arrays. */
  int maxNodes() {
    int max = 0;
    for (int[] l : left) {
      max = Math.max(max, l.length);
    }
    return max;
  }

  /**
   * Tree {@code t}'s path length of {@code x} added to {@code sums[0]}, and of each variant of
   * {@code x} with feature {@code j} alone set to {@code replacement[j]} added to {@code sums[1 +
   * j]}: the forest's per-feature attribution. A variant's dot product at a node differs from
   * {@code x}'s by {@code slope[j] · (replacement[j] − x[j])}, so each node's dot product with
   * {@code x} is computed once (in Smile's order, so {@code sums[0]} is exact) and every variant
   * adds its one term: the {@code dim + 1} walks cost about one.
   *
   * @param cache scratch of {@link #maxNodes()} doubles
   * @param seen scratch of {@link #maxNodes()} ints; {@code seen[n] == mark} when {@code cache[n]}
   *     holds node n's dot product for this tree (use a new mark per tree)
   */
  void addVariantPaths(
      int t, double[] x, double[] replacement, double[] sums, double[] cache, int[] seen, int mark) {
    int[] l = left[t];
    int[] r = right[t];
    double[] b = bias[t];
    double[] s = slopes[t];
    for (int v = 0; v <= dim; v++) {
      int j = v - 1; // -1: x itself
      double delta = j < 0 ? 0.0 : replacement[j] - x[j];
      int n = 0;
      while (l[n] != LEAF) {
        if (seen[n] != mark) {
          int o = n * dim;
          double dot = 0.0;
          for (int k = 0; k < dim; k++) {
            dot += x[k] * s[o + k];
          }
          cache[n] = dot;
          seen[n] = mark;
        }
        double dot = j < 0 ? cache[n] : cache[n] + s[n * dim + j] * delta;
        n = dot < b[n] ? l[n] : r[n];
      }
      sums[v] += depth[t][n];
    }
  }

  /** The child a row at node {@code n} goes to; a leaf stays where it is. */
  private static int next(int[] l, int[] r, double[] b, int n, double dot) {
    if (l[n] == LEAF) {
      return n;
    }
    return dot < b[n] ? l[n] : r[n];
  }

  /** Reads Smile's package-private node fields. */
  private record NodeReader(Field depth, Field slope, Field bias, Field left, Field right) {
    NodeReader(Class<?> node) throws NoSuchFieldException {
      this(field(node, "depth"), field(node, "slope"), field(node, "bias"), field(node, "left"),
          field(node, "right"));
    }

    private static Field field(Class<?> node, String name) throws NoSuchFieldException {
      Field f = node.getDeclaredField(name);
      f.setAccessible(true);
      return f;
    }
  }

  /** Appends nodes in pre-order into growing arrays. */
  private static final class Builder {
    private final int dim;
    int size;
    int[] left = new int[64];
    int[] right = new int[64];
    double[] bias = new double[64];
    double[] depth = new double[64];
    double[] slopes;

    Builder(int dim) {
      this.dim = dim;
      this.slopes = new double[64 * dim];
    }

    int add(NodeReader reader, Object node) throws IllegalAccessException {
      int n = size++;
      grow();
      Object l = reader.left().get(node);
      Object r = reader.right().get(node);
      depth[n] = reader.depth().getDouble(node);
      if (l == null || r == null) { // Smile's leaf test
        left[n] = LEAF;
        right[n] = LEAF;
        return n;
      }
      double[] slope = (double[]) reader.slope().get(node);
      if (slope.length != dim) {
        throw new IllegalStateException("a cut vector has " + slope.length + " features, not " + dim);
      }
      bias[n] = reader.bias().getDouble(node);
      System.arraycopy(slope, 0, slopes, n * dim, dim);
      // children first, then store: add() may replace the arrays as they grow
      int leftChild = add(reader, l);
      int rightChild = add(reader, r);
      left[n] = leftChild;
      right[n] = rightChild;
      return n;
    }

    private void grow() {
      if (size > left.length) {
        int cap = left.length * 2;
        left = Arrays.copyOf(left, cap);
        right = Arrays.copyOf(right, cap);
        bias = Arrays.copyOf(bias, cap);
        depth = Arrays.copyOf(depth, cap);
        slopes = Arrays.copyOf(slopes, cap * dim);
      }
    }
  }
}
