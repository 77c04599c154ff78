package eu.privacysuite.shared.rest;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestMatrix;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import eu.privacysuite.shared.problem.BadParameter;

/**
 * A boolean parameter (query, header, path, form, cookie; {@code boolean} or {@code Boolean}) is {@code true} or
 * {@code false}, nothing else: Jakarta REST's {@code Boolean.valueOf} reads "yes", "1" or "ture" as false, so that
 * {@code ?dryRun=yes} ran a real sweep. Quarkus REST asks the registered providers first for primitives too.
 */
@Provider
public class StrictBooleans implements ParamConverterProvider {

    static final String RULE = "must be true or false";

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType != Boolean.class && rawType != boolean.class) {
            return null;
        }
        return (ParamConverter<T>) new Strict(name(annotations));
    }

    /** The parameter's declared name; a Rest* annotation without a value names the Java parameter, unknown here. */
    static String name(Annotation[] annotations) {
        for (Annotation a : annotations == null ? new Annotation[0] : annotations) {
            String name = a instanceof QueryParam q ? q.value()
                    : a instanceof HeaderParam h ? h.value()
                    : a instanceof PathParam p ? p.value()
                    : a instanceof FormParam f ? f.value()
                    : a instanceof CookieParam c ? c.value()
                    : a instanceof MatrixParam m ? m.value()
                    : a instanceof RestQuery q ? q.value()
                    : a instanceof RestHeader h ? h.value()
                    : a instanceof RestPath p ? p.value()
                    : a instanceof RestForm f ? f.value()
                    : a instanceof RestCookie c ? c.value()
                    : a instanceof RestMatrix m ? m.value()
                    : null;
            if (name != null && !name.isEmpty()) {
                return name;
            }
        }
        return "parameter";
    }

    static final class Strict implements ParamConverter<Boolean> {

        private final String name;

        Strict(String name) {
            this.name = name;
        }

        @Override
        public Boolean fromString(String value) {
            if ("true".equals(value)) {
                return Boolean.TRUE;
            } else if ("false".equals(value)) {
                return Boolean.FALSE;
            }
            throw new BadParameter(name, RULE);
        }

        @Override
        public String toString(Boolean value) {
            return value.toString();
        }
    }
}
