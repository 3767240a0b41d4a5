package io.mlsysim.zoo.spec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.io.IOException;

/**
 * A quantity as the user wrote it ("80 GiB") and the line it stands on, so a unit error can
 * point at the line.
 */
@JsonDeserialize(using = QText.Reader.class)
public record QText(String text, int line) {

  @Override
  public String toString() {
    return text;
  }

  /** Reads any scalar as text and remembers its line. */
  public static final class Reader extends JsonDeserializer<QText> {
    @Override
    public QText deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
      if (!p.currentToken().isScalarValue()) {
        return (QText) ctx.handleUnexpectedToken(QText.class, p);
      }
      return new QText(p.getText(), p.currentTokenLocation().getLineNr());
    }
  }
}
