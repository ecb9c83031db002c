package org.yinling.region;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
class UrbanRuralClassConverter implements AttributeConverter<UrbanRuralClass, String> {

    @Override
    public String convertToDatabaseColumn(UrbanRuralClass value) {
        return value == null ? null : value.code();
    }

    @Override
    public UrbanRuralClass convertToEntityAttribute(String code) {
        return code == null ? null : UrbanRuralClass.ofCode(code);
    }
}
