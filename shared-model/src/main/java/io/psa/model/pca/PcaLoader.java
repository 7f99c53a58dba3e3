package io.psa.model.pca;

import io.psa.model.Detector;
import io.psa.model.DetectorLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** Loads a {@link PcaDetector} from {@code pca.bin}. */
public final class PcaLoader implements DetectorLoader {

  @Override
  public String kind() {
    return PcaDetector.KIND;
  }

  @Override
  public Detector load(Path dir, Map<String, Object> params) throws IOException {
    PcaDetector detector = PcaFile.read(dir.resolve(PcaFile.NAME));
    Object components = params.get("components");
    if (components instanceof Number n && n.intValue() != detector.components()) {
      throw new IOException("pca.bin holds " + detector.components()
          + " components, the manifest says " + components);
    }
    return detector;
  }
}
