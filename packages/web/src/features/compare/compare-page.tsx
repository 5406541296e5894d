export function ComparePage({ slug }: { readonly slug: string }) {
  return <p>{slug}</p>;
}
