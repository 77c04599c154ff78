package eu.privacysuite.dsr.service;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.Message;

/** The fixed words of the access report in French. */
@Localized("fr")
public interface ReportMessagesFr extends ReportMessages {

    @Override
    @Message("Vos données personnelles")
    String title();

    @Override
    @Message("En réponse à votre demande d'accès (RGPD art. 15), voici les données personnelles que chacun de nos "
            + "services détient à votre sujet, leur finalité, leur base légale, leur durée de conservation, leur "
            + "source et leurs destinataires.")
    String intro();

    @Override
    @Message("Référence de la demande")
    String reference();

    @Override
    @Message("Reçue le")
    String receivedOn();

    @Override
    @Message("Réponse due au plus tard le")
    String dueBy();

    @Override
    @Message("Traitée le")
    String completedOn();

    @Override
    @Message("Aucun service ne détient de données personnelles vous concernant.")
    String nothingHeld();

    @Override
    @Message("Service")
    String service();

    @Override
    @Message("Finalité")
    String purpose();

    @Override
    @Message("Base légale")
    String legalBasis();

    @Override
    @Message("Durée de conservation")
    String retention();

    @Override
    @Message("Source")
    String source();

    @Override
    @Message("Destinataires")
    String recipients();

    @Override
    @Message("Enregistrements")
    String records();

    @Override
    @Message("Enregistrement")
    String record();

    @Override
    @Message("Champ")
    String field();

    @Override
    @Message("Valeur")
    String value();

    @Override
    @Message("Votre droit de réclamation")
    String complaintTitle();

    @Override
    @Message("Si vous estimez que le traitement de vos données personnelles n'est pas conforme à la réglementation, "
            + "vous avez le droit d'introduire une réclamation auprès de la CNIL (Commission nationale de "
            + "l'informatique et des libertés) :")
    String complaint();
}
