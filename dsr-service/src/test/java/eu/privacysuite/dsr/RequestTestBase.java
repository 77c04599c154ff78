package eu.privacysuite.dsr;

import java.time.Duration;

import jakarta.inject.Inject;

import eu.privacysuite.dsr.domain.DsrRequestRepository;
import eu.privacysuite.shared.subject.SubjectKeys;

/**
 * What the tests that follow a subject's request through the saga share: how long they wait for it, the subject's
 * key, the stored requests and the fixtures that store or count them. A {@code @QuarkusTest} extends it.
 */
abstract class RequestTestBase {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    SubjectKeys subjectKeys;

    @Inject
    DsrRequestRepository requests;

    @Inject
    RequestFixtures fixtures;
}
