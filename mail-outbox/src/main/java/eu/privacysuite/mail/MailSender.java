package eu.privacysuite.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.scheduler.Scheduled;

/**
 * Sends the queued mails through quarkus-mailer and deletes each one the SMTP server accepted. A mail server
 * that fails is retried with backoff: a mail is never dropped for a fault.
 */
@ApplicationScoped
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class);
    private static final int BATCH = 20;
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);

    private final OutgoingMailRepository mails;
    private final Mailer mailer;
    private final Clock clock;

    public MailSender(OutgoingMailRepository mails, Mailer mailer, Clock clock) {
        this.mails = mails;
        this.mailer = mailer;
        this.clock = clock;
    }

    @Scheduled(every = "${privacy.mail.send-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    public void sendDue() {
        Instant now = Instant.now(clock);
        List<OutgoingMail> due = mails.lockDue(now, BATCH);
        for (OutgoingMail mail : due) {
            try {
                Mail message = Mail.withText(mail.recipient, mail.subject, mail.body);
                if (mail.unsubscribeUrl != null) {
                    message.addHeader("List-Unsubscribe", "<" + mail.unsubscribeUrl + ">");
                }
                mailer.send(message);
                mails.delete(mail);
            } catch (RuntimeException e) {
                mail.attempts++;
                Duration backoff = Duration.ofSeconds(1L << Math.min(mail.attempts, 10));
                mail.nextAttemptAt = now.plus(backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff);
                // The recipient's address stays out of the log.
                LOG.warnf("mail %s not sent (attempt %d), retried at %s: %s", mail.id, mail.attempts,
                        mail.nextAttemptAt, e.getClass().getSimpleName());
            }
        }
    }
}
