export function WorkspacePage({ slug }: { readonly slug: string }) {
  return <p>{slug}</p>;
}
