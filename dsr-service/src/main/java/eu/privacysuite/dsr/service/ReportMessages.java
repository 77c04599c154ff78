package eu.privacysuite.dsr.service;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The fixed words of the access report, in English; {@link ReportMessagesFr} gives them in French. */
@MessageBundle(value = "msg", locale = "en")
public interface ReportMessages {

    @Message("Your personal data")
    String title();

    @Message("In answer to your request for access (GDPR art. 15), here is the personal data each of our services "
            + "holds about you, what it is used for, on what legal basis, how long it is kept, where it comes from "
            + "and who receives it.")
    String intro();

    @Message("Request reference")
    String reference();

    @Message("Received on")
    String receivedOn();

    @Message("Answer due by")
    String dueBy();

    @Message("Completed on")
    String completedOn();

    @Message("No service holds personal data about you.")
    String nothingHeld();

    @Message("Service")
    String service();

    @Message("Purpose")
    String purpose();

    @Message("Legal basis")
    String legalBasis();

    @Message("Kept for")
    String retention();

    @Message("Source")
    String source();

    @Message("Recipients")
    String recipients();

    @Message("Records")
    String records();

    @Message("Record")
    String record();

    @Message("Field")
    String field();

    @Message("Value")
    String value();

    @Message("Your right to complain")
    String complaintTitle();

    @Message("If you consider that the processing of your personal data does not comply with the rules, you have "
            + "the right to lodge a complaint with the CNIL (Commission nationale de l'informatique et des libertés):")
    String complaint();
}
