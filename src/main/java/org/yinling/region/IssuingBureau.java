package org.yinling.region;

/**
 * The civil-affairs bureau that issues a region's notices, with the address and telephone for objections
 * (issue 20 §3). {@code regionCode} is the region whose row it is (the region asked for or its nearest ancestor).
 */
public record IssuingBureau(String regionCode, String name, String address, String phone) {

    public boolean hasContact() {
        return !address.isBlank() || !phone.isBlank();
    }
}
