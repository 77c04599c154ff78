package eu.privacysuite.dsr.rest;

import eu.privacysuite.dsr.service.NewRequest;
import eu.privacysuite.shared.dsr.Corrections;
import eu.privacysuite.shared.events.DsrAction;
import eu.privacysuite.shared.problem.UnprocessableField;

/**
 * The rules between fields of a request form, checked once the fields themselves are valid: corrections belong to
 * a RECTIFICATION (and it needs at least one), a directive to a POST_MORTEM_DIRECTIVE.
 */
final class RequestForms {

    static NewRequest newRequest(DsrRequestForm form) {
        if (!form.type().requestType()) {
            throw new UnprocessableField("type", "is not a right of the data subject");
        }
        Corrections corrections = form.corrections() == null ? null : form.corrections().corrections();
        if (form.type() == DsrAction.RECTIFICATION) {
            if (corrections == null || corrections.isEmpty()) {
                throw new UnprocessableField("corrections", "must name at least one value to correct for a RECTIFICATION");
            }
        } else if (corrections != null) {
            throw new UnprocessableField("corrections", "belongs to a RECTIFICATION only");
        }
        if (form.type() == DsrAction.POST_MORTEM_DIRECTIVE) {
            if (form.directive() == null) {
                throw new UnprocessableField("directive", "is required for a POST_MORTEM_DIRECTIVE");
            }
        } else if (form.directive() != null) {
            throw new UnprocessableField("directive", "belongs to a POST_MORTEM_DIRECTIVE only");
        }
        return new NewRequest(form.type(), form.subject().email(), form.channel(), form.visitorIds(), corrections,
                form.directive() == null ? null : form.directive().directive(),
                form.language() == null ? "fr" : form.language());
    }

    private RequestForms() {
    }
}
