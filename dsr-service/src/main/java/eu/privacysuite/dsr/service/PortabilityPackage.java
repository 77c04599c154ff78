package eu.privacysuite.dsr.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import eu.privacysuite.shared.dsr.ExportCategory;
import eu.privacysuite.shared.dsr.SubjectExport;

/**
 * PORTABILITY: a zip with {@code export.json} (every participant's export as it sent it, with the request's id,
 * type and completion date) and one CSV per service and category, {@code <service>/<category>.csv}, whose header is
 * the union of the records' fields in the order first seen. In the CSV only, a value a spreadsheet would run as a
 * formula gets a leading quote, as contact-service does; export.json keeps every value exact.
 */
@ApplicationScoped
public class PortabilityPackage {

    private static final CsvMapper CSV = CsvMapper.builder().build();

    private final ObjectMapper json;

    public PortabilityPackage(ObjectMapper mapper) {
        this.json = mapper.copy().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    record ExportFile(String requestId, String type, String completedAt, List<SubjectExport> services) {
    }

    public byte[] write(AssembledResults results) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            entry(zip, "export.json", json.writeValueAsBytes(new ExportFile(results.requestId().toString(),
                    results.type().name(), String.valueOf(results.completedAt()), results.exports())));
            Set<String> names = new HashSet<>();
            for (SubjectExport export : results.exports()) {
                for (ExportCategory category : export.categories()) {
                    String name = unique(names, safe(export.service()) + "/" + safe(category.name()));
                    entry(zip, name + ".csv", csv(category.records()).getBytes(StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the portability package cannot be written", e);
        }
        return bytes.toByteArray();
    }

    static String csv(List<Map<String, Object>> records) throws JsonProcessingException {
        Set<String> fields = new LinkedHashSet<>();
        records.forEach(r -> fields.addAll(r.keySet()));
        CsvSchema.Builder schema = CsvSchema.builder();
        fields.forEach(schema::addColumn);
        List<Map<String, Object>> rows = records.stream().map(PortabilityPackage::defused).toList();
        return CSV.writer(schema.build().withHeader()).writeValueAsString(rows);
    }

    private static Map<String, Object> defused(Map<String, Object> record) {
        Map<String, Object> row = new LinkedHashMap<>();
        record.forEach((field, value) -> row.put(field, cell(value)));
        return row;
    }

    /** "=HYPERLINK(...)" must stay text when the person opens the file in a spreadsheet (CSV injection). */
    private static Object cell(Object value) {
        if (value instanceof String s && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            return "'" + s;
        }
        return value instanceof Number || value instanceof Boolean || value == null ? value : String.valueOf(value);
    }

    /** A participant names its categories: in a file name only letters, digits, '.', '_' and '-' remain. */
    private static String safe(String name) {
        String cleaned = name == null ? "" : name.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "_");
        return cleaned.isEmpty() ? "unnamed" : cleaned;
    }

    private static String unique(Set<String> taken, String name) {
        String candidate = name;
        for (int n = 2; !taken.add(candidate); n++) {
            candidate = name + "-" + n;
        }
        return candidate;
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }
}
