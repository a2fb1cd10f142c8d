package org.sdelink.metrics.ascof;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;
import org.sdelink.metrics.salt.SaltEvent;

/**
 * Clients and carers of ASCOF 3D and how their support is delivered (DHSC {@code Create_ASCOF_3D_2425_Onwards.sql}).
 *
 * <p><b>Clients</b> (parts 1a, 2a), a snapshot at the period end: service users with a nursing, residential,
 * community or prison service open on it, alive on it. Each service is ranked by setting and delivery mechanism
 * ({@code #REF_Service_Type_Delivery_Mech}: nursing 1, residential 2, community by direct payment 3 (also when the
 * component is a direct payment), managed personal budget 4, commissioned support 5, other or blank 6, prison 7-9);
 * the person is placed at their best rank. Community clients (ranks 3-6) form the denominator; ranks 3-4 receive
 * self-directed support, rank 3 direct payments.
 *
 * <p><b>Carers</b> (parts 1b, 2b), during the period: carers (and carers known by association) with carer support,
 * or an assessment or review, or a request or other event with no service type and outcome information and advice,
 * open in the period, alive on its start; support provided ranked ({@code #Ref_Carer_Support_Hierarchy}) direct
 * payment 1, managed personal budget 2, commissioned support 3, direct support of unknown mechanism 4, information and
 * advice 5, no direct support 6; the carer is placed at their best rank. Ranks 1-3 form the denominator; ranks 1-2
 * receive self-directed support, rank 1 direct payments.
 *
 * <p>Age at the period end: under-18s are out; an unknown age counts in {@code all} only (the code's {@code ROLLUP}
 * total keeps the {@code Unknown} band, whose own row it drops). Deviation: the code's {@code Service_Component NOT
 * LIKE 'Direct payment'} is unknown for a blank component, so a carer's direct support with a blank component gets no
 * category at all; sdelink reads a blank component as "not a direct payment".
 */
public final class SelfDirectedSupport {
  /** A person's best rank and age group (empty: unknown age, counted in {@code all} only). */
  public record Placement(int rank, Optional<String> group) {}

  private SelfDirectedSupport() {}

  /** The client's best setting rank at the period end, or empty when not a long-term client then. */
  public static Optional<Placement> client(AscofPerson person) {
    checkNotNull(person, "person");
    LocalDate end = person.period().end();
    if (!person.details().aliveOn(end)) {
      return Optional.empty();
    }
    OptionalInt rank = person.rows().stream()
        .filter(r -> r.isServiceUser() && AscofCodes.isLongTermService(r) && AscofCodes.datesValid(r)
            && !r.start().isAfter(end) && (r.end() == null || !r.end().isBefore(end)))
        .mapToInt(SelfDirectedSupport::clientRank).min();
    return placement(person, end, rank);
  }

  static int clientRank(SaltEvent row) {
    boolean directPaymentComponent = AscofCodes.COMPONENT_DIRECT_PAYMENT.equals(AscofCodes.component(row));
    String mechanism = directPaymentComponent ? AscofCodes.DIRECT_PAYMENT : row.deliveryMechanism();
    if (row.isService(AscofCodes.NURSING)) {
      return 1;
    } else if (row.isService(AscofCodes.RESIDENTIAL)) {
      return 2;
    } else if (row.isService(AscofCodes.COMMUNITY)) {
      return switch (mechanism) {
        case AscofCodes.DIRECT_PAYMENT -> 3;
        case AscofCodes.MANAGED_BUDGET -> 4;
        case AscofCodes.COMMISSIONED -> 5;
        default -> 6;
      };
    }
    return switch (mechanism) {
      case AscofCodes.MANAGED_BUDGET -> 7;
      case AscofCodes.COMMISSIONED -> 8;
      default -> 9;
    };
  }

  /** The carer's best support rank during the period, or empty when no event of theirs is in scope. */
  public static Optional<Placement> carer(AscofPerson person) {
    return carer(person, SelfDirectedSupport::carerRank);
  }

  /** The carer's placement as the published code computes it, for the size of deviation A2. */
  static Optional<Placement> publishedCarer(AscofPerson person) {
    return carer(person, row -> row.isService(AscofCodes.CARER_DIRECT) && row.serviceComponent().isBlank()
        ? 0 : carerRank(row));
  }

  /**
   * The carer's placement when rows of client type {@code Carer known by association} (either release) are not read,
   * as code lacking that client type (NHS England's 2023/24 lookups) would place them: for the size of A4.
   */
  static Optional<Placement> carerWithoutKnownByAssociation(AscofPerson person) {
    return carer(person, row -> AscofCodes.isCarerKnownByAssociation(row) ? 0 : carerRank(row));
  }

  private static Optional<Placement> carer(AscofPerson person, java.util.function.ToIntFunction<SaltEvent> ranker) {
    checkNotNull(person, "person");
    LocalDate start = person.period().start();
    LocalDate end = person.period().end();
    if (!person.details().aliveOn(start)) {
      return Optional.empty();
    }
    OptionalInt rank = person.rows().stream()
        .filter(r -> AscofCodes.isCarer(r) && AscofCodes.datesValid(r) && !r.start().isAfter(end)
            && (r.end() == null || !r.end().isBefore(start)))
        .mapToInt(ranker).filter(r -> r > 0).min();
    return placement(person, end, rank);
  }

  /** The carer support rank of one event, 0 when the event is outside the carer cohort. */
  static int carerRank(SaltEvent row) {
    boolean noServiceType = row.serviceType().isEmpty();
    boolean informationAndAdvice = row.outcome().equals(AscofCodes.INFORMATION_AND_ADVICE);
    boolean assessmentOrReview = row.is(SaltEvent.ASSESSMENT) || row.is(SaltEvent.REVIEW);
    if (row.isService(AscofCodes.CARER_DIRECT)) {
      boolean directPaymentComponent = AscofCodes.COMPONENT_DIRECT_PAYMENT.equals(AscofCodes.component(row));
      if (directPaymentComponent || row.deliveryMechanism().equals(AscofCodes.DIRECT_PAYMENT)) {
        return 1;
      }
      return switch (row.deliveryMechanism()) {
        case AscofCodes.MANAGED_BUDGET -> 2;
        case AscofCodes.COMMISSIONED -> 3;
        default -> 4;
      };
    } else if (row.isService(AscofCodes.CARER_INVOLVING_CARED_FOR)) {
      return 6;
    } else if (assessmentOrReview && noServiceType) {
      return informationAndAdvice ? 5 : 6;
    } else if (row.is(SaltEvent.REQUEST) && noServiceType && informationAndAdvice) {
      return 5;
    }
    return 0;
  }

  private static Optional<Placement> placement(AscofPerson person, LocalDate end, OptionalInt rank) {
    if (rank.isEmpty()) {
      return Optional.empty();
    }
    OptionalInt age = person.details().ageOn(end);
    if (age.isPresent() && age.getAsInt() < 18) {
      return Optional.empty();
    }
    return Optional.of(new Placement(rank.getAsInt(), AscofGroup.band(age)));
  }
}
