package org.sdelink.pipelines.report;

import java.util.List;
import org.sdelink.metrics.evaluation.ReportingPeriod;

/**
 * What a dashboard was made from and how: the records file, the period, the audience, the data-quality threshold,
 * where the code lists came from (blank when none were given), the rules, and any read column the file lacked.
 */
record ReportInfo(String recordsFile, ReportingPeriod period, Audience audience, double threshold,
    String codeListSource, DataQualityRules rules, List<String> absentColumns) {
  ReportInfo {
    absentColumns = List.copyOf(absentColumns);
  }
}
