/**
 * Offline evaluations of the detector on recorded data: NAB's published scoring and SKAB's labels.
 *
 * <p>They feed the same {@link care.m2m.anomaly.DetectorFactory} detectors point by point, as the
 * gateway does, and never show the detector a label; labels only enter the scorers afterwards.
 */
package care.m2m.anomaly.eval;
