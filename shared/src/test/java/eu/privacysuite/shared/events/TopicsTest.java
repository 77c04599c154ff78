package eu.privacysuite.shared.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void aReplyTopicNamesTheServiceThatMayWriteIt() {
        assertEquals(Optional.of("contact-service"), Topics.replyingService("privacy.dsr.replies.contact-service"));
        assertEquals(Optional.of("crm"), Topics.replyingService(Topics.dsrReplies("crm")));
    }

    @Test
    void noOtherTopicNamesAReplyingService() {
        assertEquals(Optional.empty(), Topics.replyingService("privacy.dsr.replies.dlq"));
        assertEquals(Optional.empty(), Topics.replyingService("privacy.dsr.replies"));
        assertEquals(Optional.empty(), Topics.replyingService("privacy.dsr.repliesXcontact-service"));
        assertEquals(Optional.empty(), Topics.replyingService("privacy.dsr.replies.contact-service.dlq"));
        assertEquals(Optional.empty(), Topics.replyingService(null));
    }

    @Test
    void thePlatformCreatesEachParticipantsReplyTopicAndOneReplyDeadLetterTopic() {
        for (String participant : Topics.SUITE_PARTICIPANTS) {
            assertTrue(Topics.all().contains(Topics.dsrReplies(participant)), participant);
        }
        assertTrue(Topics.all().contains("privacy.dsr.replies.dlq"));
        assertTrue(!Topics.all().contains(Topics.DSR_REPLIES), "no shared reply topic anyone could write");
    }
}
