import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactElement } from "react";
import { api, errorText } from "../../api/client.js";
import { Field, FormFooter } from "../../forms/form-parts.js";
import { useI18n } from "../../i18n/i18n.js";
import { commentTree, countComments, type CommentNode, type ThreadComment } from "./comment-tree.js";

/** What the comments are about: a proposal, or an asset or building group of the site plan. */
export type CommentTarget = { readonly proposalId: string } | { readonly assetId: string };

const excerpt = (s: string | null): string => {
  const t = (s ?? "").replace(/\s+/g, " ").trim();
  return t.length > 60 ? `${t.slice(0, 59)}…` : t;
};

/**
 * A threaded discussion: threads with the newest activity first, replies nested (a list in the list item of
 * their parent), hidden comments as "hidden by a moderator: reason". Commenters get a form to comment or to reply;
 * moderators (district admins) get a "hide" action that needs a reason. The parent owns the list of comments and
 * reloads it in `onChanged` after a comment is sent or hidden.
 */
export function CommentThread({
  districtId,
  target,
  comments,
  canComment,
  canModerate,
  heading,
  headingLevel = 3,
  idPrefix,
  onChanged,
}: {
  readonly districtId: string;
  readonly target: CommentTarget;
  readonly comments: readonly ThreadComment[];
  readonly canComment: boolean;
  readonly canModerate: boolean;
  readonly heading: string;
  readonly headingLevel?: 2 | 3 | 4;
  /** Makes element ids unique when several threads are on one page. */
  readonly idPrefix: string;
  readonly onChanged: () => Promise<void>;
}) {
  const tr = useI18n();
  const tree = useMemo(() => commentTree(comments), [comments]);
  const byId = useMemo(() => new Map(comments.map((c) => [c.id, c])), [comments]);
  const [draft, setDraft] = useState("");
  const [replyTo, setReplyTo] = useState<string | undefined>();
  const [hiding, setHiding] = useState<string | undefined>();
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState("");
  const [error, setError] = useState<string | undefined>();
  const draftRef = useRef<HTMLTextAreaElement>(null);
  const reasonRef = useRef<HTMLInputElement>(null);
  const focusAfter = useRef<string | undefined>(undefined);
  const H = `h${headingLevel}` as const;
  const headingId = `${idPrefix}-comments-h`;
  const commentId = (id: string) => `${idPrefix}-comment-${id}`;

  useEffect(() => {
    if (hiding) reasonRef.current?.focus();
  }, [hiding]);
  useEffect(() => {
    // After hiding, focus the (re-rendered) comment so keyboard users keep their place.
    if (focusAfter.current && byId.has(focusAfter.current)) {
      document.getElementById(commentId(focusAfter.current))?.focus();
      focusAfter.current = undefined;
    }
  });

  const run = async (f: () => Promise<string>) => {
    setBusy(true);
    setError(undefined);
    setStatus("");
    try {
      setStatus(await f());
    } catch (e) {
      setError(tr.t("errorPrefix", { message: errorText(e) }));
    } finally {
      setBusy(false);
    }
  };
  const send = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await api("POST", `/districts/${districtId}/comments`, {
        ...target,
        body: draft,
        ...(replyTo ? { parentCommentId: replyTo } : {}),
      });
      setDraft("");
      setReplyTo(undefined);
      await onChanged();
      return tr.t("threadSent");
    });
  };
  const hide = (e: FormEvent, id: string) => {
    e.preventDefault();
    void run(async () => {
      await api("POST", `/comments/${id}/hide`, { reason });
      setHiding(undefined);
      setReason("");
      focusAfter.current = id;
      await onChanged();
      return tr.t("threadHiddenDone");
    });
  };
  const startReply = (id: string) => {
    setReplyTo(id);
    setHiding(undefined);
    draftRef.current?.focus();
  };

  const renderNode = (node: CommentNode): ReactElement => {
    const c = node.comment;
    return (
      <li key={c.id} data-testid="comment" data-comment-id={c.id} data-hidden={c.hidden}>
        <article id={commentId(c.id)} tabIndex={-1}>
          {c.createdAt ? (
            <p className="comment-meta muted">{tr.t("threadWritten", { date: tr.date(c.createdAt) })}</p>
          ) : null}
          {c.hidden ? (
            <>
              <p className="comment-hidden" data-testid="comment-hidden">
                <em>{tr.t("threadHidden", { reason: c.hiddenReason ?? "–" })}</em>
              </p>
              {c.body !== null && canModerate ? (
                <p className="muted">{tr.t("threadHiddenOriginal", { body: c.body })}</p>
              ) : null}
            </>
          ) : (
            <p className="comment-body">{c.body}</p>
          )}
          <p className="comment-actions">
            {canComment && !c.hidden ? (
              <button
                type="button"
                aria-pressed={replyTo === c.id}
                aria-label={`${tr.t("threadReply")}: ${excerpt(c.body)}`}
                onClick={() => startReply(c.id)}
                data-testid="comment-reply"
              >
                {tr.t("threadReply")}
              </button>
            ) : null}{" "}
            {canModerate && !c.hidden ? (
              <button
                type="button"
                aria-expanded={hiding === c.id}
                aria-controls={hiding === c.id ? `${commentId(c.id)}-hide` : undefined}
                aria-label={`${tr.t("threadHide")}: ${excerpt(c.body)}`}
                onClick={() => {
                  setHiding(hiding === c.id ? undefined : c.id);
                  setReason("");
                }}
                data-testid="comment-hide"
              >
                {tr.t("threadHide")}
              </button>
            ) : null}
          </p>
          {hiding === c.id ? (
            <form id={`${commentId(c.id)}-hide`} className="comment-hide" onSubmit={(e) => hide(e, c.id)}>
              <Field id={`${commentId(c.id)}-reason`} label={tr.t("threadHideReason")}>
                <input
                  id={`${commentId(c.id)}-reason`}
                  ref={reasonRef}
                  value={reason}
                  required
                  aria-required="true"
                  maxLength={2000}
                  onChange={(e) => setReason(e.target.value)}
                />
              </Field>
              <FormFooter
                submit={tr.t("threadHideSubmit")}
                disabled={busy || reason.trim() === ""}
                submitTestId="comment-hide-submit"
              >
                <button type="button" onClick={() => setHiding(undefined)}>
                  {tr.t("threadHideCancel")}
                </button>
              </FormFooter>
            </form>
          ) : null}
        </article>
        {node.replies.length > 0 ? (
          <ul className="comments replies">{node.replies.map(renderNode)}</ul>
        ) : null}
      </li>
    );
  };

  const replyingTo = replyTo ? byId.get(replyTo) : undefined;
  return (
    <section aria-labelledby={headingId} className="comment-thread" data-testid="comment-thread">
      <H id={headingId}>
        {heading} ({tr.num(countComments(tree))})
      </H>
      {tree.length === 0 ? <p>{tr.t("threadNone")}</p> : <ul className="comments">{tree.map(renderNode)}</ul>}
      {canComment ? (
        <form onSubmit={send} className="comment-form">
          <Field
            id={`${idPrefix}-draft`}
            label={
              replyingTo
                ? tr.t("threadReplyTo", { excerpt: excerpt(replyingTo.body) })
                : tr.t("threadComment")
            }
          >
            <textarea
              id={`${idPrefix}-draft`}
              ref={draftRef}
              value={draft}
              required
              maxLength={5000}
              onChange={(e) => setDraft(e.target.value)}
              data-testid="comment-draft"
            />
          </Field>
          <FormFooter
            submit={tr.t("threadSend")}
            disabled={busy || draft.trim() === ""}
            submitTestId="comment-send"
          >
            {replyTo ? (
              <button
                type="button"
                onClick={() => {
                  setReplyTo(undefined);
                  draftRef.current?.focus();
                }}
              >
                {tr.t("threadCancelReply")}
              </button>
            ) : null}
          </FormFooter>
        </form>
      ) : null}
      <p role="status" className="muted" data-testid="comment-status">
        {status}
      </p>
      {error ? (
        <p role="alert" className="issues" data-testid="comment-error">
          {error}
        </p>
      ) : null}
    </section>
  );
}
