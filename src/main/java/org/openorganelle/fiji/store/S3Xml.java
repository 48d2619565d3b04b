package org.openorganelle.fiji.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.openorganelle.fiji.OpenOrganelleException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads the XML documents of the S3 REST API: ListObjectsV2 results and error bodies.
 * Uses the JDK's own parser with DTDs and external entities disabled.
 */
final class S3Xml {

	/** One page of a ListObjectsV2 result: full keys, as S3 returns them. */
	static final class ListPage {

		final List<String> commonPrefixes = new ArrayList<>();
		final List<String> keys = new ArrayList<>();
		boolean truncated;
		String nextContinuationToken;
	}

	/** Reports parse errors as exceptions instead of printing them to the console. */
	private static final ErrorHandler FAIL_ON_ERRORS = new ErrorHandler() {

		@Override
		public void warning(final SAXParseException e) throws SAXException {
			throw e;
		}

		@Override
		public void error(final SAXParseException e) throws SAXException {
			throw e;
		}

		@Override
		public void fatalError(final SAXParseException e) throws SAXException {
			throw e;
		}
	};

	private S3Xml() {}

	/**
	 * Parses a {@code ListBucketResult} document.
	 *
	 * @throws OpenOrganelleException if the bytes are not such a document
	 */
	static ListPage parseListing(final byte[] xml, final String uri) {
		final Element root;
		try {
			root = parse(xml).getDocumentElement();
		}
		catch (final SAXException | IOException e) {
			throw notAListing(uri, e);
		}
		if (!"ListBucketResult".equals(root.getLocalName())) throw notAListing(uri, null);
		final ListPage page = new ListPage();
		for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child.getNodeType() != Node.ELEMENT_NODE) continue;
			switch (child.getLocalName()) {
				case "CommonPrefixes":
					page.commonPrefixes.add(childText((Element) child, "Prefix"));
					break;
				case "Contents":
					page.keys.add(childText((Element) child, "Key"));
					break;
				case "IsTruncated":
					page.truncated = "true".equalsIgnoreCase(child.getTextContent().strip());
					break;
				case "NextContinuationToken":
					page.nextContinuationToken = child.getTextContent();
					break;
				default:
					break;
			}
		}
		return page;
	}

	/** The {@code Code} of an S3 error document, or "" when the bytes are no such document. */
	static String errorCode(final byte[] body) {
		if (body == null || body.length == 0) return "";
		try {
			final Element root = parse(body).getDocumentElement();
			return "Error".equals(root.getLocalName()) ? childText(root, "Code") : "";
		}
		catch (final SAXException | IOException e) {
			return "";
		}
	}

	private static Document parse(final byte[] xml) throws SAXException, IOException {
		final DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
		try {
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
			factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
			factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			factory.setNamespaceAware(true);
			final DocumentBuilder builder = factory.newDocumentBuilder();
			builder.setErrorHandler(FAIL_ON_ERRORS);
			return builder.parse(new ByteArrayInputStream(xml));
		}
		catch (final ParserConfigurationException e) {
			throw new OpenOrganelleException("The JDK's XML parser cannot be configured securely: " + e.getMessage(), e);
		}
	}

	private static String childText(final Element parent, final String name) {
		for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child.getNodeType() == Node.ELEMENT_NODE && name.equals(child.getLocalName())) {
				return child.getTextContent();
			}
		}
		return "";
	}

	private static StoreException notAListing(final String uri, final Exception cause) {
		return new StoreException(uri, 200, false, "The answer to listing " + uri
				+ " is not an S3 ListObjectsV2 result: is this an S3 bucket URL?", cause);
	}
}
