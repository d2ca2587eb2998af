package care.m2m.gateway.coap;

import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAPMessageFormatException;
import org.eclipse.californium.core.coap.Message;
import org.eclipse.californium.core.coap.MessageFormatException;
import org.eclipse.californium.core.network.serialization.UdpDataParser;
import org.eclipse.californium.elements.util.DatagramReader;

/**
 * Californium's UDP parser, except that every way a datagram's options and payload can be inconsistent ends in
 * a {@link MessageFormatException}, the one failure its endpoint handles (the datagram is counted as
 * {@code malformed_datagram}, a confirmable request is answered 4.00 with the reason). Found by fuzzing: Californium
 * 3.14 throws {@link IllegalStateException} for a Block1 or Block2 option whose block size is smaller than the
 * payload, which its endpoint does not catch, so such a datagram was neither answered nor counted.
 */
final class StrictUdpDataParser extends UdpDataParser {

    @Override
    public void parseOptionsAndPayload(DatagramReader reader, Message message) {
        try {
            super.parseOptionsAndPayload(reader, message);
        } catch (MessageFormatException e) {
            throw e;
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new CoAPMessageFormatException(e.getMessage(), message.getToken(), message.getMID(),
                    message.getRawCode(), message.isConfirmable(), ResponseCode.BAD_REQUEST);
        }
    }
}
