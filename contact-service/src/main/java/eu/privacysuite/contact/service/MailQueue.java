package eu.privacysuite.contact.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import eu.privacysuite.contact.domain.OutgoingMail;
import eu.privacysuite.contact.domain.OutgoingMailRepository;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;

/**
 * Writes a mail, rendered from its template in the recipient's language (templates/mail/NAME-LANG.txt, whose
 * first line is "Subject: ..."), in the transaction of its cause; {@link MailSender} sends it afterwards.
 */
@ApplicationScoped
public class MailQueue {

    private final OutgoingMailRepository mails;
    private final Engine engine;
    private final Clock clock;

    public MailQueue(OutgoingMailRepository mails, Engine engine, Clock clock) {
        this.mails = mails;
        this.engine = engine;
        this.clock = clock;
    }

    @Transactional(TxType.MANDATORY)
    public void enqueue(String subjectKey, String recipient, String template, String language, Map<String, Object> data,
            String unsubscribeUrl) {
        Template found = engine.getTemplate("mail/" + template + "-" + Languages.orDefault(language) + ".txt");
        if (found == null) {
            throw new IllegalStateException("no mail template " + template + " for " + language);
        }
        String text = found.data(data).render();
        int endOfSubject = text.indexOf('\n');
        OutgoingMail mail = new OutgoingMail();
        mail.id = UUID.randomUUID();
        mail.subjectKey = subjectKey;
        mail.recipient = recipient;
        mail.subject = text.substring(0, endOfSubject).replaceFirst("^Subject: ", "").strip();
        mail.body = text.substring(endOfSubject + 1).strip() + "\n";
        mail.unsubscribeUrl = unsubscribeUrl;
        mail.createdAt = Instant.now(clock);
        mail.nextAttemptAt = mail.createdAt;
        mails.persist(mail);
    }
}
