package eu.privacysuite.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;

/**
 * Writes a mail, rendered from a Qute template (under templates/, whose first line is "Subject: ..."), in the
 * transaction of its cause; {@link MailSender} sends it afterwards. The subject key lets an erasure delete the mails
 * of a person that are still waiting.
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

    /** {@code template} is the template's path, such as {@code mail/contact-acknowledgement-fr.txt}. */
    @Transactional(TxType.MANDATORY)
    public void enqueue(String subjectKey, String recipient, String template, Map<String, Object> data,
            String unsubscribeUrl) {
        Template found = engine.getTemplate(template);
        if (found == null) {
            throw new IllegalStateException("no mail template " + template);
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
