package eu.privacysuite.contact.rest;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import eu.privacysuite.contact.domain.Prospect;

/** The prospect file as CSV (Jackson CSV), with a header row; cells that a spreadsheet would run are defused. */
@ApplicationScoped
public class ProspectCsv {

    private static final CsvMapper MAPPER = CsvMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static final CsvSchema SCHEMA = MAPPER.schemaFor(ProspectView.class).withHeader()
            .sortedBy("id", "civility", "firstName", "lastName", "email", "phone", "postalAddress", "country",
                    "collectedAt", "lastContactAt");

    public String write(List<Prospect> prospects) {
        try {
            return MAPPER.writer(SCHEMA).writeValueAsString(prospects.stream().map(ProspectCsv::defused).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("prospect file cannot be written as CSV", e);
        }
    }

    /** "=HYPERLINK(...)" typed into a form must stay text when the controller opens the export (CSV injection). */
    private static ProspectView defused(Prospect p) {
        return new ProspectView(p.id, p.details.civility, cell(p.details.firstName), cell(p.details.lastName), cell(p.details.email), p.details.phone,
                cell(p.details.postalAddress), p.details.country, p.collectedAt, p.lastContactAt);
    }

    private static String cell(String value) {
        return value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
