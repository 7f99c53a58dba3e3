/**
 * What {@code psa evaluate} writes from a {@link io.psa.model.evaluation.SkabReport}: the
 * per-file prediction CSVs ({@link PredictionFiles}), {@code summary.json} ({@link SummaryJson}),
 * and pictures drawn with plain Java2D and ImageIO, plus the progress bar over files
 * ({@link FileProgressBar}). A file's picture ({@link FilePlot}) is a {@link FileHeader}, the
 * plotted channel and a {@link ScorePanel} with its {@link AlarmLane} per detector, all on one
 * clock-time {@link TimeAxis}, broken at the recorder's pauses ({@link Gaps}), with channel units
 * from {@link ChannelUnits} and scores scaled or visibly clipped by {@link ScoreScale}. The
 * summary page ({@link SummaryPlot}) sets this run's {@link SummaryRow}s beside the published
 * leaderboard, with a {@link SummaryKey} and a {@link SummaryTable}.
 */
package io.psa.container.evaluate;
