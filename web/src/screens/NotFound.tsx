import { Link } from "react-router";

export default function NotFound() {
  return (
    <main id="main" className="auth-frame">
      <div className="auth-card">
        <h1>Page not found</h1>
        <p>That address doesn't lead anywhere in the studio.</p>
        <Link to="/videos">Go to your video library</Link>
      </div>
    </main>
  );
}
