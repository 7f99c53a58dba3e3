package io.psa.lambda.batch;

import io.psa.model.Episode;
import io.psa.model.scoring.SegmentedScorer;
import java.util.List;

/**
 * What scoring one file found: the {@code .summary.json} of docs/api.md's S3 batch scoring and the
 * database's per-file row.
 *
 * @param rows records read
 * @param segments continuous stretches of the signal (a gap beyond {@code max_gap_ms} ends one)
 * @param gaps the gaps between segments, at most {@link SegmentedFileScorer#MAX_LISTED} listed
 * @param skipped segments too short for one window, at most {@link SegmentedFileScorer#MAX_LISTED}
 * @param windows windows scored
 * @param anomalousWindows windows the model's alarm is on for
 * @param maxScore the largest window score, in [0, 1]; NaN when there were no windows
 * @param windowThreshold the model's window threshold, in the score's space
 * @param episodes the alarm episodes, at most {@link SegmentedFileScorer#MAX_LISTED} listed
 * @param firstTsMs the first record's timestamp
 * @param lastTsMs the last record's timestamp
 */
public record FileSummary(long rows, int segments, List<SegmentedScorer.Gap> gaps,
    List<SegmentedScorer.Segment> skipped, long windows, long anomalousWindows, double maxScore,
    double windowThreshold, List<Episode> episodes, long firstTsMs, long lastTsMs) {}
