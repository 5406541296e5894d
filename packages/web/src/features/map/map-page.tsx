import { useCallback, useEffect, useMemo, useState, type KeyboardEvent } from "react";
import {
  api,
  ApiError,
  errorText,
  type ModelInputs,
  type PublicDistrict,
  type User,
} from "../../api/client.js";
import { PALETTE } from "../../charts/options.js";
import { useI18n } from "../../i18n/i18n.js";
import { roleOf } from "../cocreation/cocreation-data.js";
import { CommentThread } from "../cocreation/comment-thread.js";
import { LoginForm } from "../workspace/login-form.js";
import { useSession } from "../workspace/session.js";
import { commentsOn, countByTarget, listDistrictComments, type DistrictComment } from "./map-comments.js";
import { layoutSite, type PlacedItem } from "./site-layout.js";

const KIND_COLOUR: Readonly<Record<string, string>> = {
  pv: PALETTE[4] ?? "#8a6d00",
  battery: PALETTE[3] ?? "#6a3d9a",
  thermalStorage: PALETTE[1] ?? "#b8461b",
  heatPump: PALETTE[2] ?? "#2e7d32",
  evCharging: PALETTE[5] ?? "#00796b",
};

/** The district's map comments for a signed-in user ("forbidden" when the user is not a member of the district). */
type CommentsState =
  | { readonly state: "loading" }
  | { readonly state: "forbidden" }
  | { readonly state: "error"; readonly message: string }
  | { readonly state: "ready"; readonly districtId: string; readonly items: readonly DistrictComment[] };

function useMapComments(slug: string, user: User | null | undefined) {
  const [comments, setComments] = useState<CommentsState>({ state: "loading" });
  const [districtId, setDistrictId] = useState<string | undefined>();
  const fail = useCallback(
    (e: unknown) =>
      setComments(
        e instanceof ApiError && (e.status === 401 || e.status === 403)
          ? { state: "forbidden" }
          : { state: "error", message: errorText(e) },
      ),
    [],
  );
  const reload = useCallback(async () => {
    if (!districtId) return;
    const items = await listDistrictComments(districtId);
    setComments({ state: "ready", districtId, items });
  }, [districtId]);
  useEffect(() => {
    setComments({ state: "loading" });
    if (!user) return;
    let live = true;
    (async () => {
      // The public summary names the district's id for anyone; the listing itself answers 403 to non-members.
      const d = (await api<PublicDistrict>("GET", `/public/districts/${slug}`)).district;
      const items = await listDistrictComments(d.id);
      if (!live) return;
      setDistrictId(d.id);
      setComments({ state: "ready", districtId: d.id, items });
    })().catch((e: unknown) => live && fail(e));
    return () => {
      live = false;
    };
  }, [slug, user, fail]);
  return { comments, reload, fail };
}

/**
 * The site plan: building groups and assets (footprints when the model has them), details on click or Enter,
 * and the comment thread of the selected item with a count badge on every item that has comments.
 */
export function MapPage({ slug }: { readonly slug: string }) {
  const tr = useI18n();
  const session = useSession();
  const [model, setModel] = useState<unknown>();
  const [selected, setSelected] = useState<PlacedItem | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [showLogin, setShowLogin] = useState(false);
  useEffect(() => {
    api<ModelInputs>("GET", `/public/districts/${slug}/inputs`).then(
      (i) => setModel(i.model),
      (e: unknown) => setError(errorText(e)),
    );
  }, [slug]);
  const plan = useMemo(() => (model ? layoutSite(model) : undefined), [model]);
  const { comments, reload, fail } = useMapComments(slug, session.user);
  const counts = useMemo(
    () => (comments.state === "ready" ? countByTarget(comments.items) : new Map<string, number>()),
    [comments],
  );
  if (error) return <p role="alert">{tr.t("errorPrefix", { message: error })}</p>;
  if (!plan) return <p role="status">{tr.t("loading")}</p>;
  const activate = (item: PlacedItem) => (e: KeyboardEvent) => {
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      setSelected(item);
    }
  };
  const d = selected?.data;
  const fmt = (v: unknown) => (typeof v === "number" ? tr.num(v) : v === undefined ? "–" : String(v));
  return (
    <article className="map">
      <h1>{tr.t("mapTitle")}</h1>
      <p className="lead">{tr.t("mapLead")}</p>
      {plan.schematic ? <p className="muted">{tr.t("mapSchematic")}</p> : null}
      <svg
        viewBox={`0 0 ${plan.width} ${plan.height}`}
        role="group"
        aria-label={tr.t("mapTitle")}
        data-testid="site-plan"
      >
        {plan.items.map((item) => {
          const count = counts.get(item.id) ?? 0;
          const common = {
            tabIndex: 0,
            role: "button",
            "aria-label": `${item.name} (${item.kind})${count > 0 ? `, ${tr.t("mapCommentCount", { count })}` : ""}`,
            "aria-pressed": selected?.id === item.id,
            onClick: () => setSelected(item),
            onKeyDown: activate(item),
            className: selected?.id === item.id ? "selected" : undefined,
            "data-id": item.id,
            "data-comments": count,
          } as const;
          if (item.type === "group") {
            return item.outline ? (
              <polygon
                key={item.id}
                {...common}
                points={item.outline.map((p) => p.join(",")).join(" ")}
                fill="#dbe7f3"
                stroke="#1f5f99"
              />
            ) : (
              <g key={item.id}>
                <rect
                  {...common}
                  x={item.x - item.size / 2}
                  y={item.y - item.size / 2}
                  width={item.size}
                  height={item.size}
                  fill="#dbe7f3"
                  stroke="#1f5f99"
                />
                <text
                  x={item.x}
                  y={item.y + item.size / 2 + 12}
                  fontSize="9"
                  textAnchor="middle"
                  fill="#1b1b1b"
                  aria-hidden="true"
                >
                  {item.name.slice(0, 22)}
                </text>
              </g>
            );
          }
          return (
            <circle
              key={item.id}
              {...common}
              cx={item.x}
              cy={item.y}
              r={item.size / 2}
              fill={KIND_COLOUR[item.kind] ?? "#455a64"}
              stroke="#fff"
            />
          );
        })}
        {plan.items.map((item) => {
          // The count as text on the plan (not colour only); clicks pass through to the item.
          const count = counts.get(item.id) ?? 0;
          if (count === 0) return null;
          const label = tr.num(count);
          const w = 8 + 6 * label.length;
          const x = item.x + item.size / 2;
          const y = item.y - item.size / 2;
          return (
            <g key={`badge-${item.id}`} aria-hidden="true" pointerEvents="none" data-testid="comment-badge">
              <rect x={x - w / 2} y={y - 7} width={w} height={14} rx={7} fill="#fff" stroke="#1b1b1b" />
              <text x={x} y={y + 3.5} fontSize="10" textAnchor="middle" fill="#1b1b1b">
                {label}
              </text>
            </g>
          );
        })}
      </svg>
      <section aria-labelledby="map-details-h">
        <h2 id="map-details-h">{tr.t("details")}</h2>
        <div aria-live="polite">
          {selected && d ? (
            <dl data-testid="map-details">
              <dt>{selected.name}</dt>
              <dd>{selected.id}</dd>
              <dt>{tr.t(selected.type === "group" ? "useType" : "kind")}</dt>
              <dd>{selected.kind}</dd>
              <dt>{tr.t("owner")}</dt>
              <dd>{fmt(d.owner)}</dd>
              {selected.type === "group" ? (
                <>
                  <dt>{tr.t("floorArea")}</dt>
                  <dd>{fmt(d.heatedFloorArea)}</dd>
                  <dt>{tr.t("residents")}</dt>
                  <dd>{fmt(d.residents)}</dd>
                  <dt>{tr.t("yearCompleted")}</dt>
                  <dd>{fmt(d.yearCompleted)}</dd>
                </>
              ) : (
                <>
                  <dt>{tr.t("capacity")}</dt>
                  <dd>{fmt(d.capacity)}</dd>
                </>
              )}
            </dl>
          ) : (
            <p className="muted">{tr.t("mapLead")}</p>
          )}
        </div>
        {selected ? (
          <MapComments
            key={selected.id}
            item={selected}
            user={session.user}
            comments={comments}
            showLogin={showLogin}
            onShowLogin={() => setShowLogin(true)}
            onLogin={session.login}
            onChanged={() => reload().catch(fail)}
          />
        ) : null}
      </section>
    </article>
  );
}

function MapComments({
  item,
  user,
  comments,
  showLogin,
  onShowLogin,
  onLogin,
  onChanged,
}: {
  readonly item: PlacedItem;
  readonly user: User | null | undefined;
  readonly comments: CommentsState;
  readonly showLogin: boolean;
  readonly onShowLogin: () => void;
  readonly onLogin: (email: string, password: string) => Promise<void>;
  readonly onChanged: () => Promise<void>;
}) {
  const tr = useI18n();
  const heading = tr.t("mapCommentsOn", { name: item.name });
  if (user === null)
    return (
      <section aria-labelledby="map-comments-h" className="map-comments">
        <h3 id="map-comments-h">{heading}</h3>
        <p data-testid="map-comments-signin">{tr.t("mapCommentsSignIn")}</p>
        {showLogin ? (
          <LoginForm onLogin={onLogin} />
        ) : (
          <p>
            <button type="button" onClick={onShowLogin}>
              {tr.t("mapCommentsSignInShow")}
            </button>
          </p>
        )}
      </section>
    );
  if (user === undefined || comments.state === "loading") return <p role="status">{tr.t("loading")}</p>;
  if (comments.state === "forbidden")
    return (
      <p className="muted" data-testid="map-comments-forbidden">
        {tr.t("mapCommentsForbidden")}
      </p>
    );
  if (comments.state === "error")
    return (
      <p role="alert" className="issues">
        {tr.t("errorPrefix", { message: comments.message })}
      </p>
    );
  const role = roleOf(user);
  return (
    <div className="map-comments">
      <CommentThread
        districtId={comments.districtId}
        target={{ assetId: item.id }}
        comments={commentsOn(comments.items, item.id)}
        canComment={role !== "other"}
        canModerate={role === "admin"}
        heading={heading}
        headingLevel={3}
        idPrefix="map"
        onChanged={onChanged}
      />
      {role === "other" ? <p className="muted">{tr.t("mapCommentsReadOnly")}</p> : null}
      <p>
        <button type="button" onClick={() => void onChanged()} data-testid="map-comments-refresh">
          {tr.t("mapCommentsRefresh")}
        </button>
      </p>
    </div>
  );
}
