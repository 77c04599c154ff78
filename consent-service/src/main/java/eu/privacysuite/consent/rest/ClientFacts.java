package eu.privacysuite.consent.rest;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * What a proof keeps about the browser: its address cut to the network (/24, /48) and its family from the
 * User-Agent. Hand-written: a family is all a proof needs, and a full UA parser and its rule file would be more
 * to keep current than these few tokens.
 */
final class ClientFacts {

    private ClientFacts() {
    }

    static String ipPrefix(String address) {
        if (address == null || address.isBlank() || !address.matches("[0-9a-fA-F:.%]+")) {
            return null; // only a literal address, so no name lookup happens
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            int keep = bytes.length == 4 ? 3 : 6;
            for (int i = keep; i < bytes.length; i++) {
                bytes[i] = 0;
            }
            return InetAddress.getByAddress(bytes).getHostAddress() + (bytes.length == 4 ? "/24" : "/48");
        } catch (UnknownHostException e) {
            return null;
        }
    }

    static String browserFamily(String userAgent) {
        if (userAgent == null) {
            return "unknown";
        }
        String ua = userAgent.toLowerCase(Locale.ROOT);
        if (ua.contains("edg/")) {
            return "Edge";
        } else if (ua.contains("opr/") || ua.contains("opera")) {
            return "Opera";
        } else if (ua.contains("firefox/")) {
            return "Firefox";
        } else if (ua.contains("chrome/") || ua.contains("chromium/")) {
            return ua.contains("headlesschrome") ? "Chrome Headless" : "Chrome";
        } else if (ua.contains("safari/")) {
            return "Safari";
        }
        return "other";
    }
}
