package dev.hashi.media.asset;

/**
 * Problem codes only media-service answers with, beside the shared catalogue ({@link dev.hashi.problem.ProblemCodes}).
 */
public final class MediaProblemCodes {

    /** 409: the asset is had on request; the problem carries the contact text and the contact entry's id. */
    public static final String ON_REQUEST = "media.on-request";
    /** 409: the asset is to be made available; the problem carries the expected date when known. */
    public static final String PENDING = "media.pending";
    /** 409: published content references the asset; the problem lists the entries. */
    public static final String ASSET_REFERENCED = "asset.referenced";
    /** Field error: active bytes (HTML, SVG, JavaScript, XML with scripts) declared as another type. */
    public static final String TYPE_MISMATCH = dev.hashi.media.binary.ContentTypes.MISMATCH;
    /** Field error: a file name that names a path, hides characters or is a reserved device name. */
    public static final String FILE_NAME = dev.hashi.media.binary.FileNames.INVALID;

    private MediaProblemCodes() {}
}
