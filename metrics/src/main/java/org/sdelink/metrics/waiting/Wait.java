package org.sdelink.metrics.waiting;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * One measured wait of {@code waiting_times.csv}: the part ({@link #FIRST_RESPONSE} or {@link #FIRST_SERVICE}), the
 * request's and the response's start dates and the response's age band. A wait is reported in the quarter the
 * response starts ({@link WaitingQuarter}) and counts whole days from request to response.
 */
public record Wait(String part, LocalDate requestStart, LocalDate responseStart, String ageBand) {
  public static final String FIRST_RESPONSE = "first_response";
  public static final String FIRST_SERVICE = "first_service";

  public Wait {
    checkArgument(FIRST_RESPONSE.equals(part) || FIRST_SERVICE.equals(part), "part is first_response or"
        + " first_service");
    checkNotNull(requestStart, "requestStart");
    checkNotNull(responseStart, "responseStart");
    checkNotNull(ageBand, "ageBand");
    checkArgument(!responseStart.isBefore(requestStart), "a response starts on or after its request");
  }

  public long days() {
    return ChronoUnit.DAYS.between(requestStart, responseStart);
  }

  public String quarter() {
    return WaitingQuarter.of(responseStart);
  }
}
