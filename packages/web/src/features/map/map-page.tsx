export function MapPage({ slug }: { readonly slug: string }) {
  return <p>{slug}</p>;
}
